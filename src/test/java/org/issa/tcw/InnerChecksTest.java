package org.issa.tcw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.issa.tcw.base.NotFoundException;
import org.issa.tcw.commission.CommissionDetails;
import org.issa.tcw.commission.CommissionRole;
import org.issa.tcw.commission.CommissionService;
import org.issa.tcw.commission.MemberRow;
import org.issa.tcw.commission.MembershipService;
import org.issa.tcw.commission.MyCommission;
import org.issa.tcw.discussion.DiscussionFixture;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.EditorConnection;
import org.issa.tcw.documents.SuggestionReadings;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.suggestions.SuggestOnlyService;
import org.issa.tcw.documents.suggestions.SuggestionService;
import org.issa.tcw.notification.NotificationRow;
import org.issa.tcw.notification.NotificationService;
import org.issa.tcw.people.PersonForm;
import org.issa.tcw.people.PersonService;
import org.issa.tcw.testsupport.SignIn;
import org.issa.tcw.testsupport.SpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Public service methods whose {@code @PreAuthorize} is only {@code isAuthenticated()} make their
 * real check inside (an object-level right, or "only one's own"). {@link #GUARDS} lists every such
 * method with the test that proves its refusal, or why it has none (data every signed-in person
 * may see); the list is checked against the code, so a new method of that kind fails this test
 * until its refusal is tested. docs/security.md shows the same table. Refusals not tested
 * elsewhere are tested here.
 */
@SpringTest
class InnerChecksTest {

    private static final String OPEN = "open: ";

    /** "Class.method" → "TestClass#testMethod" that proves the refusal, or "open: why there is none". */
    static final Map<String, String> GUARDS = new TreeMap<>(Map.ofEntries(
            Map.entry("commission.CommissionService.myCommissions",
                    "InnerChecksTest#one_sees_only_ones_own_commissions_and_members_of_readable_ones"),
            Map.entry("commission.CommissionService.details",
                    "InnerChecksTest#one_sees_only_ones_own_commissions_and_members_of_readable_ones"),
            Map.entry("home.HomeService.home", "HomeServiceTest#one_sees_only_ones_own_work_and_readable_commissions"),
            Map.entry("notification.NotificationService.unreadOf",
                    "HomeServiceTest#one_sees_only_ones_own_work_and_readable_commissions"),
            Map.entry("discussion.DiscussionService.unreadThreads",
                    "HomeServiceTest#one_sees_only_ones_own_work_and_readable_commissions"),
            Map.entry("documents.workflow.DocumentWorkflow.toAttend",
                    "HomeServiceTest#one_sees_only_ones_own_work_and_readable_commissions"),
            Map.entry("documents.consultation.ConsultationService.awaitingMyInput",
                    "HomeServiceTest#a_new_person_without_commissions_gets_empty_blocks"),
            Map.entry("programme.ProgrammeHome.myMilestones",
                    "HomeServiceTest#one_sees_only_ones_own_work_and_readable_commissions"),
            Map.entry("programme.ProgrammeHome.needingAttention",
                    "HomeServiceTest#a_chair_sees_her_programme_and_the_secretariat_its_signals"),
            Map.entry("programme.ProgrammeHome.upcomingEvents", OPEN + "the triennium's fixed events, public to members"),
            Map.entry("commission.CommissionService.page", OPEN + "the directory of commissions (codes, names, chairs)"),
            Map.entry("commission.CommissionService.count", OPEN + "the directory of commissions"),
            Map.entry("commission.CommissionService.activeCommissions", OPEN + "the directory of commissions"),
            Map.entry("commission.MembershipService.changeRole",
                    "InnerChecksTest#only_who_manages_memberships_changes_ends_or_declines_one"),
            Map.entry("commission.MembershipService.end",
                    "InnerChecksTest#only_who_manages_memberships_changes_ends_or_declines_one"),
            Map.entry("commission.MembershipService.decline",
                    "InnerChecksTest#only_who_manages_memberships_changes_ends_or_declines_one"),
            Map.entry("commission.MembershipService.confirm",
                    "MembershipServiceTest#chair_only_proposes_and_the_secretariat_confirms"),
            Map.entry("discussion.DiscussionService.threadsFor",
                    "DiscussionPermissionsTest#threads_for_an_anchor_are_listed_only_to_readers_of_the_commission"),
            Map.entry("discussion.DiscussionService.preview", OPEN + "renders the caller's own text; reads no data"),
            Map.entry("documents.DocumentService.mine",
                    "DocumentServiceTest#a_member_creates_a_document_that_the_commission_sees_and_others_do_not"),
            Map.entry("documents.DocumentService.countMine",
                    "InnerChecksTest#documents_of_other_commissions_can_neither_be_loaded_nor_counted_nor_followed"),
            Map.entry("documents.DocumentService.open",
                    "DocumentServiceTest#a_member_creates_a_document_that_the_commission_sees_and_others_do_not"),
            Map.entry("documents.DocumentService.text",
                    "DocumentServiceTest#a_member_creates_a_document_that_the_commission_sees_and_others_do_not"),
            Map.entry("documents.DocumentService.delete",
                    "DocumentServiceTest#a_member_creates_a_document_that_the_commission_sees_and_others_do_not"),
            Map.entry("documents.DocumentService.describe", "DocumentServiceTest#renaming_with_a_stale_form_is_refused"),
            Map.entry("documents.DocumentService.load",
                    "InnerChecksTest#documents_of_other_commissions_can_neither_be_loaded_nor_counted_nor_followed"),
            Map.entry("documents.DocumentCollaboration.join",
                    "DocumentCollaborationTest#a_member_of_another_commission_can_neither_open_nor_change_nor_follow_the_document"),
            Map.entry("documents.DocumentCollaboration.push",
                    "DocumentCollaborationTest#a_member_of_another_commission_can_neither_open_nor_change_nor_follow_the_document"),
            Map.entry("documents.DocumentCollaboration.since",
                    "DocumentCollaborationTest#a_member_of_another_commission_can_neither_open_nor_change_nor_follow_the_document"),
            Map.entry("documents.DocumentCollaboration.missing",
                    "InnerChecksTest#documents_of_other_commissions_can_neither_be_loaded_nor_counted_nor_followed"),
            Map.entry("documents.DocumentCollaboration.openEditors",
                    "InnerChecksTest#documents_of_other_commissions_can_neither_be_loaded_nor_counted_nor_followed"),
            Map.entry("documents.DocumentCollaboration.read", "InnerChecksTest#review_of_another_commissions_document_is_refused"),
            Map.entry("documents.SuggestionReadings.read", "InnerChecksTest#review_of_another_commissions_document_is_refused"),
            Map.entry("documents.DocumentCollaboration.change",
                    "SuggestionServiceTest#a_member_an_observer_another_commissions_member_and_the_admin_may_not_accept_and_nothing_changes"),
            Map.entry("documents.DocumentCollaboration.may", OPEN + "answers whether the caller may act; reads no data"),
            Map.entry("documents.DocumentService.anchorRange", "InnerChecksTest#review_of_another_commissions_document_is_refused"),
            Map.entry("documents.exchange.DocumentExports.docx",
                    "DocumentExchangeTest#another_commissions_member_may_not_download"),
            Map.entry("documents.exchange.DocumentExports.pdf",
                    "DocumentExchangeTest#another_commissions_member_may_not_download"),
            Map.entry("documents.exchange.WordImports.replace",
                    "DocumentExchangeTest#an_observer_and_another_commissions_member_may_not_import_or_replace"),
            Map.entry("documents.DocumentService.markedUp", "InnerChecksTest#review_of_another_commissions_document_is_refused"),
            Map.entry("documents.comments.DocumentComments.list", "DocumentCommentsTest#every_role_of_the_commission_and_the_secretariat_comment_others_are_refused"),
            Map.entry("documents.comments.DocumentComments.comment", "DocumentCommentsTest#every_role_of_the_commission_and_the_secretariat_comment_others_are_refused"),
            Map.entry("documents.comments.DocumentComments.reply", "DocumentCommentsTest#every_role_of_the_commission_and_the_secretariat_comment_others_are_refused"),
            Map.entry("documents.comments.DocumentComments.commentOnSuggestion",
                    "SuggestionThreadsTest#people_outside_the_commission_may_neither_write_nor_read_a_suggestions_thread_the_admin_only_reads"),
            Map.entry("documents.comments.DocumentComments.suggestionThreads",
                    "SuggestionThreadsTest#people_outside_the_commission_may_neither_write_nor_read_a_suggestions_thread_the_admin_only_reads"),
            Map.entry("documents.DocumentCollaboration.clientAuthors",
                    "DocumentVersionsTest#two_people_type_and_the_comparison_knows_whose_yjs_clients_wrote_what"),
            Map.entry("documents.DocumentDeletions.deletions",
                    "DocumentVersionsTest#words_one_person_deleted_from_anothers_text_carry_the_deleters_name_also_after_compaction"),
            Map.entry("documents.comments.DocumentComments.importFromWord",
                    "WordCommentsImportTest#someone_outside_the_commission_may_not_store_imported_comments"),
            Map.entry("documents.comments.DocumentComments.reanchor",
                    "DocumentCommentsTest#a_comment_whose_paragraph_is_joined_to_the_one_before_is_reanchored_on_its_text_only"),
            Map.entry("documents.comments.DocumentComments.setResolved",
                    "DocumentCommentsTest#authors_resolve_their_own_reviewers_anyones_and_resolved_comments_keep_their_thread"),
            Map.entry("documents.suggestions.SuggestionService.list", "InnerChecksTest#review_of_another_commissions_document_is_refused"),
            Map.entry("documents.suggestions.SuggestionService.authorNames", "InnerChecksTest#review_of_another_commissions_document_is_refused"),
            Map.entry("documents.suggestions.SuggestionService.review",
                    "SuggestionServiceTest#a_member_an_observer_another_commissions_member_and_the_admin_may_not_accept_and_nothing_changes"),
            Map.entry("documents.suggestions.SuggestionService.withdraw",
                    "SuggestionServiceTest#an_author_withdraws_their_own_suggestion_but_not_someone_elses"),
            Map.entry("documents.suggestions.SuggestionService.mayReview", OPEN + "answers whether the caller may review; reads no data"),
            Map.entry("documents.suggestions.SuggestOnlyService.settings", "InnerChecksTest#review_of_another_commissions_document_is_refused"),
            Map.entry("documents.suggestions.SuggestOnlyService.save", "SuggestionServiceTest#only_reviewers_mark_people_suggest_only"),
            Map.entry("documents.suggestions.SuggestOnlyService.suggestOnly",
                    OPEN + "answers only about the caller, for the relay that checked READ first"),
            Map.entry("documents.consultation.ConsultationService.open",
                    "ConsultationServiceTest#only_reviewers_open_rounds_and_dispose_and_only_participants_take_part"),
            Map.entry("documents.consultation.ConsultationService.extend",
                    "ConsultationRiskTest#a_late_consultation_puts_the_milestone_at_risk_until_extended_or_ended"),
            Map.entry("documents.consultation.ConsultationService.mayOpen",
                    OPEN + "answers whether the caller may open a round; reads no data"),
            Map.entry("documents.consultation.ConsultationService.rounds",
                    "ConsultationServiceTest#only_reviewers_open_rounds_and_dispose_and_only_participants_take_part"),
            Map.entry("documents.consultation.ConsultationService.round",
                    "ConsultationServiceTest#only_reviewers_open_rounds_and_dispose_and_only_participants_take_part"),
            Map.entry("documents.consultation.ConsultationService.comment",
                    "ConsultationServiceTest#only_reviewers_open_rounds_and_dispose_and_only_participants_take_part"),
            Map.entry("documents.consultation.ConsultationService.commentOnSuggestion",
                    "ConsultationServiceTest#only_reviewers_open_rounds_and_dispose_and_only_participants_take_part"),
            Map.entry("documents.consultation.ConsultationService.log",
                    "ConsultationServiceTest#only_reviewers_open_rounds_and_dispose_and_only_participants_take_part"),
            Map.entry("documents.consultation.ConsultationService.summary",
                    "ConsultationServiceTest#only_reviewers_open_rounds_and_dispose_and_only_participants_take_part"),
            Map.entry("documents.consultation.ConsultationService.dispose",
                    "ConsultationServiceTest#only_reviewers_open_rounds_and_dispose_and_only_participants_take_part"),
            Map.entry("documents.consultation.ConsultationService.export",
                    "ConsultationServiceTest#only_reviewers_open_rounds_and_dispose_and_only_participants_take_part"),
            Map.entry("documents.consultation.ConsultationService.commissionOptions",
                    OPEN + "the directory of commissions"),
            Map.entry("documents.consultation.ConsultationService.institutionOptions",
                    OPEN + "names of the member institutions (the public directory)"),
            Map.entry("mail.MailPreferenceService.mine",
                    "MailDigestAndPreferencesTest#preferences_are_ones_own_and_bad_input_changes_nothing"),
            Map.entry("mail.MailPreferenceService.saved", OPEN + "answers only about the caller's own preferences"),
            Map.entry("mail.MailPreferenceService.save",
                    "MailDigestAndPreferencesTest#preferences_are_ones_own_and_bad_input_changes_nothing"),
            Map.entry("documents.DocumentService.publishedHeader",
                    "PublishedLibraryTest#only_published_documents_are_exported_to_everyone"),
            Map.entry("documents.exchange.DocumentExports.publishedDocx",
                    "PublishedLibraryTest#only_published_documents_are_exported_to_everyone"),
            Map.entry("documents.exchange.DocumentExports.publishedPdf",
                    "PublishedLibraryTest#only_published_documents_are_exported_to_everyone"),
            Map.entry("documents.workflow.DocumentWorkflow.stageOf",
                    "DocumentWorkflowTest#consultation_is_entered_and_left_through_its_own_methods_and_others_cannot_read_the_stage"),
            Map.entry("documents.workflow.DocumentWorkflow.state",
                    "DocumentWorkflowTest#consultation_is_entered_and_left_through_its_own_methods_and_others_cannot_read_the_stage"),
            Map.entry("documents.workflow.DocumentWorkflow.take",
                    "DocumentWorkflowTest#the_chair_sends_to_review_and_approves_the_secretariat_publishes_each_step_recorded_versioned_and_announced"),
            Map.entry("documents.workflow.DocumentWorkflow.enterConsultation",
                    "DocumentWorkflowTest#consultation_is_entered_and_left_through_its_own_methods_and_others_cannot_read_the_stage"),
            Map.entry("documents.workflow.DocumentWorkflow.leaveConsultation",
                    "DocumentWorkflowTest#consultation_is_entered_and_left_through_its_own_methods_and_others_cannot_read_the_stage"),
            Map.entry("documents.workflow.DocumentWorkflow.startRevision",
                    "DocumentWorkflowTest#a_new_draft_revision_of_an_approved_document_copies_its_text_and_links_back"),
            Map.entry("documents.workflow.DocumentWorkflow.stagesOf",
                    "DocumentMilestonesTest#a_milestone_of_a_document_one_may_not_read_shows_no_stage_and_a_cancelled_one_stays_cancelled"),
            Map.entry("documents.workflow.DocumentWorkflow.mode",
                    OPEN + "how a document may be edited at its stage, for the relay, which checks READ itself"),
            Map.entry("documents.workflow.DocumentWorkflow.published",
                    OPEN + "whether a document is published; published documents are readable by every signed-in person"),
            Map.entry("documents.workflow.LanguageVersions.family", "LanguageVersionsTest#who_may_link_and_what_is_refused"),
            Map.entry("documents.workflow.LanguageVersions.link", "LanguageVersionsTest#who_may_link_and_what_is_refused"),
            Map.entry("documents.workflow.LanguageVersions.markUpToDate",
                    "LanguageVersionsTest#who_may_link_and_what_is_refused"),
            Map.entry("documents.workflow.LanguageVersions.unlink", "LanguageVersionsTest#who_may_link_and_what_is_refused"),
            Map.entry("documents.workflow.LanguageVersions.mayTranslate", OPEN + "answers only about the caller"),
            Map.entry("documents.workflow.PublishedLibrary.published",
                    OPEN + "the library: published documents are readable by every signed-in person"),
            Map.entry("programme.MilestoneService.trienniumsOfDocuments",
                    OPEN + "triennium ids of the projects a document delivers; the library shows them for published ones"),
            Map.entry("programme.MilestoneService.deliverablesOfPriority",
                    OPEN + "ids of the documents linked to a priority's milestones; the library shows only published ones"),
            Map.entry("documents.versions.DocumentVersions.list", "DocumentVersionsTest#who_may_name_compare_and_restore"),
            Map.entry("documents.versions.DocumentVersions.compare", "DocumentVersionsTest#who_may_name_compare_and_restore"),
            Map.entry("documents.versions.DocumentVersions.states", "DocumentVersionsTest#who_may_name_compare_and_restore"),
            Map.entry("documents.versions.DocumentVersions.summary", "DocumentVersionsTest#who_may_name_compare_and_restore"),
            Map.entry("documents.versions.DocumentVersions.name", "DocumentVersionsTest#who_may_name_compare_and_restore"),
            Map.entry("documents.versions.DocumentVersions.restore", "DocumentVersionsTest#who_may_name_compare_and_restore"),
            Map.entry("documents.versions.DocumentVersions.storedBytes", "DocumentVersionsTest#who_may_name_compare_and_restore"),
            Map.entry("documents.versions.DocumentVersions.forExport",
                    "VersionDownloadTest#another_commissions_member_gets_no_version_and_versions_belong_to_their_document"),
            Map.entry("documents.templates.DocumentTemplates.list",
                    OPEN + "the templates' kinds, languages and titles, offered to everyone who creates documents"),
            Map.entry("documents.versions.DocumentVersions.mayName", OPEN + "answers whether the caller may name versions; reads no data"),
            Map.entry("documents.versions.DocumentVersions.mayRestore", OPEN + "answers whether the caller may restore; reads no data"),
            Map.entry("notification.NotificationService.mine",
                    "InnerChecksTest#one_reads_and_marks_only_ones_own_notifications"),
            Map.entry("notification.NotificationService.countMine",
                    "InnerChecksTest#one_reads_and_marks_only_ones_own_notifications"),
            Map.entry("notification.NotificationService.unreadCount",
                    "InnerChecksTest#one_reads_and_marks_only_ones_own_notifications"),
            Map.entry("notification.NotificationService.markRead",
                    "InnerChecksTest#one_reads_and_marks_only_ones_own_notifications"),
            Map.entry("notification.NotificationService.markAllRead",
                    "InnerChecksTest#one_reads_and_marks_only_ones_own_notifications"),
            Map.entry("people.PersonService.options", OPEN + "names and institutions of active people (pickers)"),
            Map.entry("people.PersonService.summaries", OPEN + "names and institutions of people shown beside their work"),
            Map.entry("people.PersonService.usernames", OPEN + "@handles of people, for mentions"),
            Map.entry("people.PersonService.activeStaff", OPEN + "who the secretariat and administrators are"),
            Map.entry("programme.PriorityService.priorities", OPEN + "the triennium's priorities are published to all"),
            Map.entry("programme.PriorityService.events", OPEN + "the triennium's fixed events are published to all"),
            Map.entry("search.SearchService.search",
                    "SearchServiceTest#member_of_another_commission_never_finds_its_drafts_threads_or_hidden_posts"),
            Map.entry("search.SearchService.quick",
                    "SearchServiceTest#member_of_another_commission_never_finds_its_drafts_threads_or_hidden_posts"),
            Map.entry("programme.TrienniumService.all", OPEN + "the list of trienniums"),
            Map.entry("programme.TrienniumService.active", OPEN + "the current triennium")));

    @Autowired
    SuggestionReadings readings;
    @Autowired
    SignIn signIn;
    @Autowired
    DiscussionFixture fixture;
    @Autowired
    NotificationService notifications;
    @Autowired
    CommissionService commissions;
    @Autowired
    MembershipService memberships;
    @Autowired
    PersonService people;
    @Autowired
    DocumentService documents;
    @Autowired
    DocumentCollaboration relay;
    @Autowired
    SuggestionService suggestions;
    @Autowired
    SuggestOnlyService suggestOnly;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void every_method_checked_only_for_a_signed_in_caller_names_the_test_of_its_inner_check() throws Exception {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.issa.tcw");
        var found = new TreeSet<String>();
        for (var c : classes) {
            for (JavaMethod m : c.getMethods()) {
                var pre = m.tryGetAnnotationOfType(PreAuthorize.class);
                if (pre.isPresent() && pre.get().value().replace(" ", "").equals("isAuthenticated()")
                        && m.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
                    found.add(c.getName().replaceFirst("^org\\.issa\\.tcw\\.", "") + "." + m.getName());
                }
            }
        }
        assertThat(GUARDS.keySet()).as("methods protected by isAuthenticated() only").isEqualTo(found);
        for (String guard : GUARDS.values()) {
            if (guard.startsWith(OPEN)) {
                continue;
            }
            String[] parts = guard.split("#");
            Class<?> test = testClass(parts[0]);
            assertThat(Arrays.stream(test.getDeclaredMethods()).map(java.lang.reflect.Method::getName))
                    .as(guard).contains(parts[1]);
        }
    }

    private static Class<?> testClass(String simpleName) throws ClassNotFoundException {
        for (String p : List.of("", "commission.", "discussion.", "documents.", "notification.", "people.",
                "programme.", "documents.comments.", "documents.suggestions.",
                "documents.exchange.", "documents.versions.", "documents.consultation.", "documents.workflow.", "documents.templates.",
                "mail.", "search.", "home.")) {
            try {
                return Class.forName("org.issa.tcw." + p + simpleName);
            } catch (ClassNotFoundException e) {
                // next package
            }
        }
        throw new ClassNotFoundException(simpleName);
    }

    @Test
    void one_reads_and_marks_only_ones_own_notifications() {
        long thread = fixture.thread("chair-ict", "ICT", "Own notifications " + System.nanoTime());
        fixture.reply("chair-ict", thread, "@member-ict please look");
        signIn.as("member-ict");
        List<NotificationRow> mine = notifications.mine(PageRequest.of(0, 500));
        long theirs = mine.stream().filter(n -> !n.read()).findFirst().orElseThrow().id();
        long unread = notifications.unreadCount();
        assertThat(unread).isPositive();

        signIn.as("observer-ict");
        assertThat(notifications.mine(PageRequest.of(0, 500))).extracting(NotificationRow::id).doesNotContain(theirs);
        assertThat(notifications.countMine()).isLessThanOrEqualTo(notifications.mine(PageRequest.of(0, 500)).size());
        assertThatThrownBy(() -> notifications.markRead(theirs)).isInstanceOf(NotFoundException.class);
        notifications.markAllRead();
        assertThat(notifications.unreadCount()).isZero();

        signIn.as("member-ict");
        assertThat(notifications.unreadCount()).as("another's mark-all-read changed nothing here").isEqualTo(unread);
        assertThat(notifications.mine(PageRequest.of(0, 500))).filteredOn(n -> n.id() == theirs)
                .allMatch(n -> !n.read());
    }

    @Test
    void only_who_manages_memberships_changes_ends_or_declines_one() {
        signIn.as("secretariat");
        long ict = commissions.details("ICT").orElseThrow().id();
        PersonForm form = new PersonForm();
        String unique = "g" + System.nanoTime();
        form.setUsername(unique);
        form.setEmail(unique + "@example.org");
        form.setLastName("Guarded");
        long person = people.save(form);
        long id = memberships.add(ict, person, CommissionRole.MEMBER, LocalDate.of(2026, 1, 1));
        MemberRow before = row(ict, id);

        for (String user : List.of("member-ict", "observer-ict", "member-fam")) {
            signIn.as(user);
            assertThatThrownBy(() -> memberships.changeRole(id, before.version(), CommissionRole.OBSERVER)).as(user)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> memberships.end(id, before.version())).as(user)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> memberships.decline(id, before.version())).as(user)
                    .isInstanceOf(AccessDeniedException.class);
        }
        MemberRow after = row(ict, id);
        assertThat(after.role()).isEqualTo(CommissionRole.MEMBER);
        assertThat(after.endDate()).isNull();
        assertThat(after.version()).isEqualTo(before.version());
    }

    private MemberRow row(long commissionId, long membershipId) {
        signIn.as("secretariat");
        return memberships.ofCommission(commissionId).stream().filter(m -> m.membershipId() == membershipId)
                .findFirst().orElseThrow();
    }

    @Test
    void one_sees_only_ones_own_commissions_and_members_of_readable_ones() {
        signIn.as("member-fam");
        assertThat(commissions.myCommissions()).extracting(MyCommission::code).contains("FAM").doesNotContain("ICT");
        CommissionDetails ict = commissions.details("ICT").orElseThrow();
        assertThat(ict.membersVisible()).isFalse();
        assertThat(ict.members()).isEmpty();

        signIn.as("member-ict");
        CommissionDetails own = commissions.details("ICT").orElseThrow();
        assertThat(own.membersVisible()).isTrue();
        assertThat(own.members()).isNotEmpty();
    }

    @Test
    void review_of_another_commissions_document_is_refused() {
        signIn.as("member-ict");
        var form = new DocumentForm();
        form.setTitle("Inner checks review " + System.nanoTime());
        form.setKind(DocumentKind.OTHER);
        form.setLanguage(WorkingLanguage.EN);
        long id = documents.create("ICT", form);
        assertThat(suggestions.list(id)).isEmpty();
        assertThat(documents.markedUp(id).text()).isEmpty();
        assertThat(suggestOnly.settings(id).personIds()).isEmpty();
        int entries = relay.read(id, log -> log.size());
        assertThat(entries).isPositive();
        assertThat(readings.read(id).suggestions()).isEmpty();

        signIn.as("member-fam");
        assertThatThrownBy(() -> relay.read(id, log -> log.size())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> readings.read(id))
                .as("refused before the kept reading is looked at").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> documents.anchorRange(id, "AA==", "AA==")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> documents.markedUp(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> suggestions.list(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> suggestions.authorNames(id, java.util.Set.of(1L))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> suggestOnly.settings(id)).isInstanceOf(AccessDeniedException.class);
        assertThat(suggestions.mayReview(id)).isFalse();
    }

    @Test
    void documents_of_other_commissions_can_neither_be_loaded_nor_counted_nor_followed() {
        signIn.as("member-ict");
        var form = new DocumentForm();
        form.setTitle("Inner checks " + System.nanoTime());
        form.setKind(DocumentKind.OTHER);
        form.setLanguage(WorkingLanguage.EN);
        long id = documents.create("ICT", form);
        assertThat(documents.load(id).getTitle()).isEqualTo(form.getTitle());
        long ictCount = documents.countMine();
        assertThat(relay.openEditors(id)).isZero();

        signIn.as("member-fam");
        assertThatThrownBy(() -> documents.load(id)).isInstanceOf(AccessDeniedException.class);
        assertThat(documents.countMine()).isEqualTo(documents.mine(PageRequest.of(0, 500)).size());
        assertThat(documents.mine(PageRequest.of(0, 500))).noneMatch(r -> r.id() == id);
        assertThatThrownBy(() -> relay.openEditors(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> relay.missing(id, new EditorConnection() {
            @Override
            public void deliver(long seq, String updateBase64) {
            }

            @Override
            public void presence(String awarenessBase64) {
            }

            @Override
            public void left(List<Long> clientIds) {
            }

            @Override
            public void reconcile() {
            }
        })).isInstanceOf(AccessDeniedException.class);
        assertThat(ictCount).isPositive();
    }
}
