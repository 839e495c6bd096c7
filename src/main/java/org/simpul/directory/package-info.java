/**
 * Where services come from and where referrals go: for now the Puskesos units (name, region, level,
 * status), listed within the user's territory; agencies and programmes join with the referral work.
 * Publishes and listens to no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access" })
package org.simpul.directory;
