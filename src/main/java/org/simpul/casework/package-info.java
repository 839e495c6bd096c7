/**
 * Casework: the case a complaint becomes once someone works on it: its assignment to a facilitator or
 * back-office officer of its territory, a timeline of notes, closure with an outcome and reopening with a
 * reason (the complaint follows through {@link org.simpul.complaint.ComplaintProgress}); assessments and
 * case plans follow (issue 5). Always inside the caller's territory, through the complaint module.
 * Publishes and listens to no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "complaint", "registry" })
package org.simpul.casework;
