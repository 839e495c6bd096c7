/**
 * Where services come from and where referrals go: the Puskesos units (name, region, level, status), listed
 * within the user's territory, and the referral catalogue ({@link org.simpul.directory.ProviderDirectory}):
 * agencies at a level of government, the services they provide with the regions they serve and default
 * days to act, and the programme managers who work for them ({@link org.simpul.directory.AgencyMembers}, which
 * answers the user pages' {@link org.simpul.access.AgencyAffiliations}). Administrators and district managers
 * keep units, agencies and services on pages ({@code /puskesos}, {@code /instansi}; {@code DirectoryManagement}).
 * Publishes and listens to no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access" })
package org.simpul.directory;
