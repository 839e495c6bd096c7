package org.simpul.update;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.simpul.access.AccessControl;
import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.complaint.ComplaintQueries;
import org.simpul.complaint.ComplaintQueries.Subject;
import org.simpul.region.RegionLevel;
import org.simpul.registry.ConditionsFound;
import org.simpul.registry.HouseholdEvent.HouseholdRegistered;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.events.ComplaintEvent.ComplaintReceived;
import org.simpul.update.Usulan.Kind;
import org.simpul.update.Usulan.Source;
import org.simpul.update.Usulans.NewUsulan;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drafts that other modules' work brings, made in the transaction of that work by the user doing it, once per
 * source: a complaint about someone the registry does not hold becomes an usulan to enter them (ENTER, with what
 * the desk recorded: name, and NIK, birth date and sex when given); house conditions a deep assessment or a home
 * visit found different become an usulan to change them (CHANGE, from what the registry holds to what was found);
 * a household the village registered becomes an usulan to enter it into DTSEN as registered (ENTER).
 * The village completes, agrees and submits them like any other. What the desk or the field recorded is never
 * refused here: a value an usulan would not take is left for the village to fill in.
 */
@Component
class UsulanSources {

	private final Usulans usulans;

	private final UsulanChanges checks;

	private final ComplaintQueries complaints;

	private final AccessControl access;

	UsulanSources(Usulans usulans, UsulanChanges checks, ComplaintQueries complaints, AccessControl access) {
		this.usulans = usulans;
		this.checks = checks;
		this.complaints = complaints;
		this.access = access;
	}

	@EventListener
	void complaintReceived(ComplaintReceived received) {
		if (received.subjectPersonId() != null) {
			return;
		}
		proposer().ifPresent(actor -> fromComplaint(actor, received.complaintId(), received.ticketNumber(),
				received.villageCode()));
	}

	/**
	 * The draft a complaint about someone the registry does not hold brings (none when it holds them, or no name
	 * was recorded); once per complaint.
	 */
	void fromComplaint(CurrentUser actor, UUID complaintId, String ticketNumber, String villageCode) {
		Optional<Subject> subject = complaints.unregisteredSubject(complaintId);
		if (subject.isEmpty()) {
			return;
		}
		ObjectNode member = UsulanChanges.JSON.createObjectNode();
		member.put("name", subject.get().name());
		member.put("relationship", "HEAD");
		ObjectNode changes = UsulanChanges.JSON.createObjectNode();
		changes.putArray("members").add(member);
		// what the desk recorded, each value only if an usulan takes it
		withIfAccepted(changes, member, "nik", subject.get().nik());
		withIfAccepted(changes, member, "birthDate",
				subject.get().birthDate() == null ? null : subject.get().birthDate().toString());
		withIfAccepted(changes, member, "sex", subject.get().sex() == null ? null : subject.get().sex().name());
		usulans.propose(actor, new NewUsulan(null, Kind.ENTER.name(), villageCode, null, null,
				"Pengaduan " + ticketNumber + ": warga belum terdaftar di registri.", changes), Source.COMPLAINT, complaintId);
	}

	private void withIfAccepted(ObjectNode changes, ObjectNode member, String field, String value) {
		if (value == null || value.isBlank()) {
			return;
		}
		member.put(field, value);
		try {
			checks.check(Kind.ENTER, changes, false, false);
		}
		catch (InvalidInputException ex) {
			member.remove(field);
		}
	}

	@EventListener
	void conditionsFound(ConditionsFound found) {
		Optional<CurrentUser> actor = proposer();
		if (actor.isEmpty()) {
			return;
		}
		ObjectNode changes = UsulanChanges.JSON.createObjectNode();
		ObjectNode conditions = changes.putObject("conditions");
		for (Map.Entry<String, String> value : found.found().entrySet()) {
			conditions.put(value.getKey(), value.getValue());
		}
		try {
			checks.check(Kind.CHANGE, changes, true, false);
		}
		catch (InvalidInputException ex) {
			return; // the registry's own codes: cannot happen, and never a reason to refuse the visit
		}
		boolean visit = "VISIT".equals(found.source());
		usulans.propose(actor.get(), new NewUsulan(null, Kind.CHANGE.name(), found.villageCode(), found.householdId(), null,
				visit ? "Kunjungan rumah: kondisi rumah berbeda dari registri."
						: "Asesmen mendalam: kondisi rumah berbeda dari registri.", changes),
				visit ? Source.FIELD_VISIT : Source.ASSESSMENT, found.sourceId());
	}

	/**
	 * A household a village's desk, volunteer or operator registered (the Puskesos serves it at once; DTSEN does
	 * not hold it yet) becomes a draft to enter it into DTSEN as registered: no newcomers named, the household
	 * itself. The district's own registrations are corrections of what DTSEN already holds, and a family the
	 * ministry's result registered is in DTSEN: neither brings one.
	 */
	@EventListener
	void householdRegistered(HouseholdRegistered registered) {
		proposer().filter(UsulanSources::village)
			.ifPresent(actor -> usulans.propose(actor, new NewUsulan(null, Kind.ENTER.name(), registered.villageCode(),
					registered.householdId(), null, "Rumah tangga didaftarkan di Puskesos, belum ada di DTSEN.",
					UsulanChanges.JSON.createObjectNode()), Source.REGISTRATION, registered.householdId()));
	}

	/** A user working for a village or a sub-district (not the district, the province or the nation). */
	private static boolean village(CurrentUser user) {
		return user.territory().regionCode()
			.map(code -> code.level() == RegionLevel.VILLAGE || code.level() == RegionLevel.DISTRICT)
			.orElse(false);
	}

	private Optional<CurrentUser> proposer() {
		return access.currentUser().filter(user -> user.may(Action.USULAN_PROPOSE));
	}
}
