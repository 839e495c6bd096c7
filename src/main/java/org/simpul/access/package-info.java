/**
 * Users, roles and territories: login with lockout, a limit on failed logins per client, idle and absolute
 * timeouts, a second factor (TOTP) for ADMIN, MANAGER and DPO accounts (wrong codes counted like passwords, a
 * lost one reset by an administrator), a breached-password check, security events in the log, API tokens,
 * user management (a programme manager linked to an agency through {@link org.simpul.access.AgencyAffiliations},
 * which the directory implements), forms kept across the end of a session ({@code FormDrafts}, ADR 0009), the
 * home page's waiting work contributed by other modules ({@link org.simpul.access.HomeWork}), the database
 * scope of the signed-in user ({@code TerritoryScope}, ADR 0008), and
 * {@link org.simpul.access.AccessControl}, the one service every module asks "may this user see or act on
 * a record in region X?", and {@link org.simpul.access.Territory#sql}, the one way a query is bounded to a
 * territory (it writes {@code in_territory(column)} out and binds the parameter). The navigation is the
 * {@link org.simpul.access.NavigationEntry} beans the modules contribute, each shown to whom the access
 * policy allows. The access policy is
 * {@link org.simpul.access.Action}: every action and the roles that may take it, in one table that services
 * ({@code user.require(Action.X)}), pages ({@code user.may(Action.X)}) and URL rules ask (ADR 0010).
 * Publishes no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region" })
package org.simpul.access;
