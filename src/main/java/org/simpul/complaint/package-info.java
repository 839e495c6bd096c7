/**
 * The Puskesos service desk: complaint intake (channel, category, PPKS codes from a taxonomy that is data,
 * the subject from the registry or captured on the spot), tickets with a number per village and year and a
 * tracking code shown once, and public tracking without personal data. Always inside the caller's territory.
 * Publishes and listens to no events yet.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "registry" })
package org.simpul.complaint;
