/**
 * The social registry: households with their members (NIK, KK, SHDK relationship), welfare decile, house
 * conditions, programme memberships and the history of every change; search by NIK and by name (old
 * spellings and typos forgiven), bulk CSV and XLSX imports as background jobs, duplicate candidates for review; always inside the caller's territory.
 * Publishes and listens to no events yet.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access" })
package org.simpul.registry;
