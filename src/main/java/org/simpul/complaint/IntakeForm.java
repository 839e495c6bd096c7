package org.simpul.complaint;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.simpul.complaint.ComplaintIntake.NewComplaint;
import org.simpul.complaint.ComplaintIntake.Reporter;
import org.simpul.complaint.ComplaintIntake.Subject;
import org.simpul.registry.Sex;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The desk's intake and correction form as typed, bound by Spring MVC with its {@code BindingResult}: a value of
 * the wrong type (an unknown channel, a date that is not one) becomes a field error that keeps what was typed,
 * never an exception, and only the {@link #FIELDS} are bound (a smuggled {@code status} or {@code createdBy} is
 * not a field of the form).
 */
public class IntakeForm {

	/** The fields a page may bind. */
	static final String[] FIELDS = { "channel", "category", "villageCode", "description", "ppksCodes",
			"subjectPersonId", "subjectNik", "subjectName", "subjectBirthDate", "subjectSex", "reporterName",
			"reporterPhone", "reporterPhoneShared", "consentNote", "version" };

	/** How the service and the page name the fields whose names differ here. */
	static final Map<String, String> NAMES = Map.of("subjectBirthDate", "subject.birthDate",
			"subjectSex", "subject.sex");

	private Channel channel;
	private Category category;
	private String villageCode;
	private String description;
	private List<String> ppksCodes = new ArrayList<>();
	private UUID subjectPersonId;
	private String subjectNik;
	private String subjectName;
	@DateTimeFormat(iso = ISO.DATE)
	private LocalDate subjectBirthDate;
	private Sex subjectSex;
	private String reporterName;
	private String reporterPhone;
	private boolean reporterPhoneShared;
	private String consentNote;
	private String version;

	public Channel getChannel() {
		return channel;
	}

	public void setChannel(Channel channel) {
		this.channel = channel;
	}

	public Category getCategory() {
		return category;
	}

	public void setCategory(Category category) {
		this.category = category;
	}

	public String getVillageCode() {
		return villageCode;
	}

	public void setVillageCode(String villageCode) {
		this.villageCode = villageCode;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public List<String> getPpksCodes() {
		return ppksCodes;
	}

	public void setPpksCodes(List<String> ppksCodes) {
		this.ppksCodes = ppksCodes;
	}

	public UUID getSubjectPersonId() {
		return subjectPersonId;
	}

	public void setSubjectPersonId(UUID subjectPersonId) {
		this.subjectPersonId = subjectPersonId;
	}

	public String getSubjectNik() {
		return subjectNik;
	}

	public void setSubjectNik(String subjectNik) {
		this.subjectNik = subjectNik;
	}

	public String getSubjectName() {
		return subjectName;
	}

	public void setSubjectName(String subjectName) {
		this.subjectName = subjectName;
	}

	public LocalDate getSubjectBirthDate() {
		return subjectBirthDate;
	}

	public void setSubjectBirthDate(LocalDate subjectBirthDate) {
		this.subjectBirthDate = subjectBirthDate;
	}

	public Sex getSubjectSex() {
		return subjectSex;
	}

	public void setSubjectSex(Sex subjectSex) {
		this.subjectSex = subjectSex;
	}

	public String getReporterName() {
		return reporterName;
	}

	public void setReporterName(String reporterName) {
		this.reporterName = reporterName;
	}

	public String getReporterPhone() {
		return reporterPhone;
	}

	public void setReporterPhone(String reporterPhone) {
		this.reporterPhone = reporterPhone;
	}

	public boolean isReporterPhoneShared() {
		return reporterPhoneShared;
	}

	public void setReporterPhoneShared(boolean reporterPhoneShared) {
		this.reporterPhoneShared = reporterPhoneShared;
	}

	public String getConsentNote() {
		return consentNote;
	}

	public void setConsentNote(String consentNote) {
		this.consentNote = consentNote;
	}

	public String getVersion() {
		return version;
	}

	public void setVersion(String version) {
		this.version = version;
	}

	/** The complaint to record: the registry's person when one was found, else the subject as typed. */
	NewComplaint toNewComplaint() {
		return toNewComplaint(null);
	}

	/** The same, under the id a phone gave the complaint when it was recorded without signal. */
	NewComplaint toNewComplaint(UUID id) {
		return new NewComplaint(id, channel, category, villageCode, description, ppksCodes, subjectPersonId,
				subjectPersonId == null ? new Subject(subjectNik, subjectName, subjectBirthDate, subjectSex) : null,
				reporter(), consentNote);
	}

	/** The correction of a recorded complaint: not its subject, status or ticket. */
	ComplaintIntake.Edit toEdit() {
		return new ComplaintIntake.Edit(channel, category, villageCode, description, ppksCodes, reporter(), consentNote);
	}

	private Reporter reporter() {
		return new Reporter(reporterName, reporterPhone, reporterPhoneShared);
	}
}
