package org.simpul.access;

import static org.simpul.access.Role.ADMIN;
import static org.simpul.access.Role.BACK_OFFICE;
import static org.simpul.access.Role.COORDINATOR;
import static org.simpul.access.Role.DATA_OPERATOR;
import static org.simpul.access.Role.DPO;
import static org.simpul.access.Role.FACILITATOR;
import static org.simpul.access.Role.FRONT_OFFICE;
import static org.simpul.access.Role.MANAGER;
import static org.simpul.access.Role.PROGRAM_MANAGER;
import static org.simpul.access.Role.SUPERVISOR;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;

/**
 * The access policy: every action a role may take, and which roles may take it, in one table. Services ask
 * it ({@link CurrentUser#may}, {@link CurrentUser#require}) before they act, and pages ask the same to
 * decide what to show; no module spells out its own list of roles. Where an action also depends on the
 * record (its territory, the agency a referral was sent to), the module checks that after the role: the
 * territory through {@link Territory}, the rest in its own rules. A new module adds its actions here.
 */
public enum Action {

	// people and the system
	/** Create, change and deactivate accounts (each within the roles {@link Role#assignableRoles} allows). */
	USER_MANAGE(ADMIN, MANAGER),
	/** Sign in with a second factor (TOTP): the accounts that can change others' access or read every NIK. */
	SIGN_IN_WITH_SECOND_FACTOR(ADMIN, MANAGER, DPO),
	/** Keep the directory: agencies, providers, Puskesos units, agency members. */
	DIRECTORY_MANAGE(ADMIN, MANAGER),
	/** Read the operational endpoints (actuator metrics and info; health is public). */
	OPERATE(ADMIN),
	/** Verify the audit trail's hash chain. */
	AUDIT_VERIFY(ADMIN, DPO),
	/**
	 * Exercise data-subject rights, run breach drills, restrict and lift restrictions, and see persons under a
	 * restriction of processing.
	 */
	DATA_PROTECTION(DPO),

	// complaints and casework
	/**
	 * Record a complaint (intake) and edit it at the desk, and read the complaints of one's territory (the
	 * Puskesos coordinator too: it decides the village's services).
	 */
	COMPLAINT_INTAKE(FRONT_OFFICE, BACK_OFFICE, FACILITATOR, SUPERVISOR, MANAGER, COORDINATOR),
	/** Publish a district's PPKS list. */
	PPKS_LIST_PUBLISH(ADMIN, MANAGER),
	/** Record answers to an assessment form. */
	ASSESSMENT_SUBMIT(FACILITATOR, FRONT_OFFICE, BACK_OFFICE, SUPERVISOR, MANAGER),
	/** Publish a district's own version of an assessment form (a national one: administrators only). */
	ASSESSMENT_FORM_PUBLISH(ADMIN, MANAGER),
	/** Assign a case, close it with an outcome, reopen it. */
	CASE_ASSIGN(BACK_OFFICE, SUPERVISOR, MANAGER, COORDINATOR),
	/** Be given a case to work on. */
	CASE_TAKE(FACILITATOR, BACK_OFFICE),
	/** Write the case plan. */
	CASE_PLAN(BACK_OFFICE, SUPERVISOR, MANAGER, FACILITATOR),

	// referrals
	/** Start a referral (the back office recommends; deciders send at once), withdraw one, move its due date. */
	REFERRAL_SEND(BACK_OFFICE, SUPERVISOR, MANAGER, COORDINATOR),
	/**
	 * Decide a recommended referral (penetapan): send or decline it; be told of overdue ones. The TKSK and the
	 * district decide for their territory; the Puskesos coordinator for its village's services.
	 */
	REFERRAL_DECIDE(SUPERVISOR, MANAGER, COORDINATOR),
	/** Read the referrals of one's territory. */
	REFERRAL_READ(ADMIN, MANAGER, SUPERVISOR, BACK_OFFICE, FRONT_OFFICE, FACILITATOR, COORDINATOR),
	/**
	 * Receive referrals as the agency they were sent to: read them with the person's whole identity, accept,
	 * reject, complete.
	 */
	REFERRAL_RECEIVE(PROGRAM_MANAGER),

	// the registry
	/** Read the registry of one's territory. */
	REGISTRY_READ(ADMIN, MANAGER, SUPERVISOR, BACK_OFFICE, FRONT_OFFICE, FACILITATOR, DATA_OPERATOR, COORDINATOR, DPO),
	/** Record a home visit: the house as found (which becomes registry proposals where it differs), photos, a note. */
	HOUSEHOLD_VISIT(FACILITATOR, SUPERVISOR, BACK_OFFICE),
	/** Register and change households and persons. */
	REGISTRY_WRITE(ADMIN, MANAGER, BACK_OFFICE, FRONT_OFFICE, FACILITATOR, DATA_OPERATOR),
	/**
	 * Correct what is registered directly (a household's data, members joining, leaving, moving): the district's
	 * data operator and manager, from a district-wide territory; the village proposes such changes as usulan.
	 */
	REGISTRY_CORRECT(ADMIN, MANAGER, DATA_OPERATOR),
	/**
	 * See NIK and KK numbers in full (others see them masked): the people who identify and serve families,
	 * and a programme manager for a person referred to their agency, which cannot act without it.
	 */
	IDENTIFIERS_IN_FULL(BACK_OFFICE, FRONT_OFFICE, FACILITATOR, DATA_OPERATOR, DPO, PROGRAM_MANAGER),
	/**
	 * See a person's sensitive categories (disability): those who serve and assess families, their
	 * supervisors and the registry's operators; an administrator runs the system, not cases.
	 */
	SENSITIVE_READ(FRONT_OFFICE, BACK_OFFICE, FACILITATOR, SUPERVISOR, MANAGER, DATA_OPERATOR, DPO),
	/** Decide registry proposals (accept or reject a change an assessment found). */
	REGISTRY_PROPOSAL_DECIDE(ADMIN, MANAGER, DATA_OPERATOR),
	/** Review possible duplicate persons and merge them. */
	DUPLICATE_REVIEW(ADMIN, MANAGER, SUPERVISOR),
	/** Import registry files. */
	REGISTRY_IMPORT(ADMIN, MANAGER, DATA_OPERATOR),

	// registry updates (usulan) and their cycles
	/** Read the update cycles and the usulan of one's territory. */
	USULAN_READ(ADMIN, MANAGER, SUPERVISOR, BACK_OFFICE, FRONT_OFFICE, FACILITATOR, DATA_OPERATOR, COORDINATOR),
	/** Propose an usulan (a draft) and correct a draft or a returned one: whoever serves families in the village. */
	USULAN_PROPOSE(MANAGER, SUPERVISOR, BACK_OFFICE, FRONT_OFFICE, FACILITATOR, DATA_OPERATOR, COORDINATOR),
	/** Record the village's agreement (musdes or SPTJM) to its usulan, and the musdes itself. */
	USULAN_AGREE(MANAGER, DATA_OPERATOR, COORDINATOR),
	/** Submit a village's agreed usulan to Dinsos (the village operator enters them). */
	USULAN_SUBMIT(MANAGER, DATA_OPERATOR),
	/**
	 * Verify submitted usulan at Dinsos: return one to its village for correction, send endorsed ones to the
	 * ministry, import the ministry's results. Only from a district-wide (or wider) territory.
	 */
	USULAN_VERIFY(MANAGER, DATA_OPERATOR),
	/**
	 * Record the field check of a sanggah (a neighbour's objection): whether the recipient was found eligible. The
	 * PSM who visits, or the TKSK who supervises the village.
	 */
	SANGGAH_CHECK(SUPERVISOR, FACILITATOR),
	/** Endorse (pengesahan) verified usulan: the head of office, from a district-wide territory. */
	USULAN_ENDORSE(MANAGER),
	/** Keep a district's update calendar (village windows, ranking quarters, the sanggah rule). */
	UPDATE_CALENDAR_MANAGE(ADMIN, MANAGER),

	// PBI-JK reactivation
	/** See who in one's territory was removed from PBI-JK, the batches and the reactivation requests. */
	PBI_READ(ADMIN, MANAGER, SUPERVISOR, BACK_OFFICE, FRONT_OFFICE, FACILITATOR, DATA_OPERATOR, COORDINATOR),
	/** Import a decree's deactivation list: Dinsos (its data operator or manager), from a district-wide territory. */
	PBI_IMPORT(MANAGER, DATA_OPERATOR),
	/** Record a reactivation request, add its documents, submit or withdraw it: whoever serves families. */
	PBI_REQUEST(MANAGER, SUPERVISOR, BACK_OFFICE, FRONT_OFFICE, FACILITATOR, DATA_OPERATOR, COORDINATOR),
	/**
	 * Dinsos' steps on a request (verify or return, issue the letter, record its entry in the ministry's system and
	 * the answer), from a district-wide territory.
	 */
	PBI_PROCESS(MANAGER, DATA_OPERATOR),
	/** Open a closed reactivation window again for one person, with a reason: the district's manager. */
	PBI_WINDOW_EXCEPTION(MANAGER),
	/**
	 * Set how many district-paid (PBI-APBD) places a month holds, and what the district asks of a request (the
	 * village's SKTM): the district's manager.
	 */
	PBI_QUOTA(MANAGER);

	private final Set<Role> roles;

	Action(Role... roles) {
		this.roles = Collections.unmodifiableSet(EnumSet.copyOf(Arrays.asList(roles)));
	}

	/** The roles that may take this action. */
	public Set<Role> roles() {
		return roles;
	}

	/** Whether {@code role} may take this action. */
	public boolean allows(Role role) {
		return roles.contains(role);
	}

	/** The roles' names, for Spring Security's {@code hasAnyRole}. */
	public String[] roleNames() {
		return roles.stream().map(Role::name).toArray(String[]::new);
	}

	/** Refuses (403) a role that may not take this action. */
	void require(Role role) {
		if (!allows(role)) {
			throw new AccessDeniedException(name() + " is not for " + role);
		}
	}
}
