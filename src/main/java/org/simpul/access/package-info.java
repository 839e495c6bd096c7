/**
 * Users, roles and territories: login with lockout, a limit on failed logins per client and idle timeout, a
 * second factor (TOTP) for ADMIN, MANAGER and DPO accounts, API tokens, user management, and
 * {@link org.simpul.access.AccessControl}, the one service every module asks "may this user see or act on
 * a record in region X?" and uses to restrict its queries to the user's territory. Publishes no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region" })
package org.simpul.access;
