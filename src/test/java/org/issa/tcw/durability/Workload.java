package org.issa.tcw.durability;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.issa.tcw.discussion.DiscussionService;
import org.issa.tcw.discussion.NewThread;
import org.issa.tcw.discussion.PostView;
import org.issa.tcw.documents.DocumentCollaboration;
import org.issa.tcw.documents.DocumentForm;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.DocumentService;
import org.issa.tcw.documents.EditorConnection;
import org.issa.tcw.documents.JoinResult;
import org.issa.tcw.documents.PushResult;
import org.issa.tcw.documents.WorkingLanguage;
import org.issa.tcw.documents.YjsEngine;
import org.issa.tcw.notification.NotificationRow;
import org.issa.tcw.notification.NotificationService;
import org.issa.tcw.programme.MilestoneDraft;
import org.issa.tcw.programme.MilestoneRow;
import org.issa.tcw.programme.ProgrammeExports;
import org.issa.tcw.programme.MilestoneService;
import org.issa.tcw.programme.MilestoneService;
import org.issa.tcw.programme.ProgrammeService;
import org.issa.tcw.programme.ProgrammeTree;
import org.issa.tcw.programme.ProjectNode;
import org.issa.tcw.testsupport.SignIn;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;

/**
 * What people do in the application, through its real services (the transaction and security
 * boundary the views call): a chair of ICT starts a thread mentioning a member (a notification),
 * replies, adds a milestone and marks it done, and types into a document as an editor does. Each
 * change is reported as an {@link Ack} only after the service call returned, i.e. after its commit
 * — what the screens show as saved. {@link #check} later finds every acknowledged change again.
 */
final class Workload {

    static final String AUTHOR = "chair-ict";
    static final String MENTIONED = "member-ict";

    private final SignIn signIn;
    private final DiscussionService discussions;
    private final NotificationService notifications;
    private final ProgrammeService programme;
    private final MilestoneService milestoneService;
    private final ProgrammeExports exports;
    private final DocumentService documents;
    private final DocumentCollaboration collaboration;
    private final YjsEngine yjs;

    private final EditorConnection editor = new EditorConnection() {
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
    };

    private long commissionId;
    private long trienniumId;
    private long projectId;
    private LocalDate milestoneDue = LocalDate.now();
    private long documentId;
    private final List<byte[]> documentLog = new ArrayList<>();
    private int documentEdits;

    Workload(ApplicationContext context) {
        this.signIn = context.getBean(SignIn.class);
        this.discussions = context.getBean(DiscussionService.class);
        this.notifications = context.getBean(NotificationService.class);
        this.programme = context.getBean(ProgrammeService.class);
        this.milestoneService = context.getBean(MilestoneService.class);
        this.exports = context.getBean(ProgrammeExports.class);
        this.documents = context.getBean(DocumentService.class);
        this.collaboration = context.getBean(DocumentCollaboration.class);
        this.yjs = context.getBean(YjsEngine.class);
    }

    /** Finds the ICT programme and a project the chair may update, and opens a new document. */
    void setUp() {
        locate();
        newDocument();
    }

    private void locate() {
        signIn.as(AUTHOR);
        ProgrammeTree tree = programme.tree("ICT", null);
        commissionId = tree.commissionId();
        trienniumId = tree.triennium().id();
        ProjectNode project = tree.projects().stream().filter(ProjectNode::mayUpdate)
                .filter(p -> p.commissionCode().equals("ICT")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no ICT project the chair may update"));
        projectId = project.id();
        milestoneDue = project.startDate();
    }

    private void newDocument() {
        DocumentForm form = new DocumentForm();
        form.setTitle("Durability " + System.nanoTime());
        form.setKind(DocumentKind.GUIDELINE);
        form.setLanguage(WorkingLanguage.EN);
        documentId = documents.create("ICT", form);
        JoinResult joined = collaboration.join(documentId, editor);
        documentLog.clear();
        joined.updates().forEach(u -> documentLog.add(Base64.getDecoder().decode(u)));
        documentEdits = 0;
    }

    /** One round of changes carrying {@code token}; each is acknowledged as soon as it returned. */
    void round(String token, Consumer<Ack> acknowledged) {
        signIn.as(AUTHOR);
        long thread = discussions.startThread(new NewThread(commissionId, "Durability " + token,
                "First post " + token + " for @" + MENTIONED, null));
        // The mention's notification is written in the posting transaction (ADR 043).
        acknowledged.accept(new Ack("thread", thread, 0, token));
        PostView reply = discussions.reply(thread, "Reply " + token, null);
        acknowledged.accept(new Ack("post", reply.id(), reply.seq(), token));

        long milestone = milestoneService.saveMilestone(new MilestoneDraft(null, projectId, 0, "Milestone " + token,
                milestoneDue, null, null, null));
        long version = milestone(milestone).version();
        milestoneService.completeMilestone(milestone, version);
        acknowledged.accept(new Ack("milestone", milestone, projectId, token));

        if (documentEdits >= 40) {
            collaboration.leave(documentId, editor);
            newDocument();
        }
        byte[] update = yjs.typeText(documentLog, " " + token, documentEdits % 5 == 0).join();
        PushResult pushed = collaboration.push(documentId, editor, "u-" + token,
                Base64.getEncoder().encodeToString(update), null, 1);
        documentLog.add(update);
        documentEdits++;
        acknowledged.accept(new Ack("document", documentId, pushed.seq(), token));
    }

    private MilestoneRow milestone(long id) {
        return programme.project(projectId).milestones().stream().filter(m -> m.id() == id).findFirst()
                .orElseThrow(() -> new IllegalStateException("milestone " + id + " not found"));
    }

    /** One reply in a fresh thread's conversation, timed: nanoseconds until the service returned. */
    long timedPost(long thread, String text) {
        long t0 = System.nanoTime();
        discussions.reply(thread, text, null);
        return System.nanoTime() - t0;
    }

    long newThread(String token) {
        signIn.as(AUTHOR);
        return discussions.startThread(new NewThread(commissionId, "Benchmark " + token, "Timing " + token, null));
    }

    /**
     * Types {@code text} into the document one keystroke per update, as an editor sends them, and
     * returns each push's time in nanoseconds (stored, committed, acknowledged).
     */
    List<Long> timedKeystrokes(String text) {
        signIn.as(AUTHOR);
        if (documentEdits >= 40) {
            collaboration.leave(documentId, editor);
            newDocument();
        }
        List<byte[]> keystrokes = yjs.typingSession(documentLog, text).join();
        List<Long> times = new ArrayList<>();
        int n = 0;
        for (byte[] update : keystrokes) {
            long t0 = System.nanoTime();
            collaboration.push(documentId, editor, "k-" + System.nanoTime() + "-" + n++,
                    Base64.getEncoder().encodeToString(update), null, 1);
            times.add(System.nanoTime() - t0);
            documentLog.add(update);
        }
        documentEdits++;
        return times;
    }

    /** Reads as people do: thread list, programme tree, an XLSX and a PDF export, notifications. */
    int reads() {
        signIn.as(AUTHOR);
        int n = discussions.threads(commissionId, null, PageRequest.of(0, 20)).size();
        n += programme.tree("ICT", trienniumId).projects().size();
        n += exports.xlsx("ICT", trienniumId, Locale.FRENCH).length > 0 ? 1 : 0;
        n += exports.pdf("ICT", trienniumId, Locale.GERMAN).length > 0 ? 1 : 0;
        signIn.as(MENTIONED);
        n += (int) notifications.unreadCount();
        return n;
    }

    /**
     * What of {@code acks} cannot be found in the database: one line per missing change (empty when
     * everything acknowledged is there, each document token exactly once).
     */
    List<String> check(List<Ack> acks) {
        List<String> missing = new ArrayList<>();
        locate();
        Map<Long, List<Ack>> byDocument = new HashMap<>();
        Map<Long, Set<String>> milestonesDone = new HashMap<>();
        for (Ack ack : acks) {
            try {
                switch (ack.kind()) {
                    case "thread" -> {
                        if (!discussions.thread(ack.id()).title().contains(ack.token())) {
                            missing.add("thread " + ack.id() + " without " + ack.token());
                        }
                    }
                    case "post" -> {
                        if (!discussions.post(ack.id()).source().contains(ack.token())) {
                            missing.add("post " + ack.id() + " without " + ack.token());
                        }
                    }
                    case "milestone" -> {
                        Set<String> done = milestonesDone.computeIfAbsent(ack.seq(), p -> programme.project(p)
                                .milestones().stream().filter(m -> m.doneDate() != null).map(MilestoneRow::title)
                                .collect(Collectors.toSet()));
                        if (!done.contains("Milestone " + ack.token())) {
                            missing.add("milestone " + ack.id() + " (" + ack.token() + ") missing or not done");
                        }
                    }
                    case "document" -> byDocument.computeIfAbsent(ack.id(), d -> new ArrayList<>()).add(ack);
                    default -> missing.add("unknown " + ack);
                }
            } catch (RuntimeException e) {
                missing.add(ack.kind() + " " + ack.id() + " (" + ack.token() + "): " + e);
            }
        }
        byDocument.forEach((id, docAcks) -> {
            JoinResult joined = collaboration.join(id, editor);
            collaboration.leave(id, editor);
            long highest = docAcks.stream().mapToLong(Ack::seq).max().orElse(0);
            if (joined.seq() < highest) {
                missing.add("document " + id + " stored up to seq " + joined.seq() + " but " + highest + " was acknowledged");
            }
            String text = yjs.render(joined.updates().stream().map(u -> Base64.getDecoder().decode(u)).toList())
                    .join().text();
            for (Ack ack : docAcks) {
                int count = occurrences(text, ack.token());
                if (count != 1) {
                    missing.add("document " + id + " holds " + ack.token() + " " + count + " times");
                }
            }
        });
        signIn.as(MENTIONED);
        Set<String> subjects = notifications.mine(PageRequest.of(0, 100_000)).stream().map(NotificationRow::subject)
                .collect(Collectors.toSet());
        acks.stream().filter(a -> a.kind().equals("thread"))
                .filter(a -> !subjects.contains("Durability " + a.token()))
                .forEach(a -> missing.add("notification of " + MENTIONED + " for thread " + a.id() + " (" + a.token() + ")"));
        return missing;
    }

    private static int occurrences(String text, String token) {
        // Tokens are "<prefix>-<n>x": the trailing x keeps token 1x from matching inside 11x.
        int count = 0;
        for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + 1)) {
            count++;
        }
        return count;
    }
}
