/**
 * Casework: the case a complaint becomes once someone works on it. For now its assignment to a facilitator
 * or back-office officer of its territory and a timeline of notes; assessments, case plans, closure and
 * reopening follow (issue 5). Always inside the caller's territory, through the complaint module.
 * Publishes and listens to no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "complaint" })
package org.simpul.casework;
