package org.issa.tcw.programme;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.issa.tcw.discussion.AnchorTargets;
import org.issa.tcw.discussion.AnchorType;
import org.issa.tcw.programme.domain.ProgrammeEventRepository;
import org.issa.tcw.programme.domain.ProjectRepository;
import org.issa.tcw.security.CurrentUser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects and events as anchors of discussion threads. A project belongs to its owning
 * commission and to the commissions taking part in it (each may discuss it, as each may read it);
 * the triennium's fixed events (TC Forum, regional forums, WSSF) belong to every commission.
 */
@Configuration(proxyBeanMethods = false)
class ProgrammeAnchors {

    @Bean
    AnchorTargets projectAnchors(ProjectRepository projects, ProgrammeAccess access) {
        return new ProjectTargets(projects, access);
    }

    @Bean
    AnchorTargets eventAnchors(ProgrammeEventRepository events, CurrentUser currentUser) {
        return new EventTargets(events, currentUser);
    }

    @Transactional(readOnly = true)
    static class ProjectTargets implements AnchorTargets {

        private final ProjectRepository projects;
        private final ProgrammeAccess access;

        ProjectTargets(ProjectRepository projects, ProgrammeAccess access) {
            this.projects = projects;
            this.access = access;
        }

        @Override
        public AnchorType type() {
            return AnchorType.PROJECT;
        }

        @Override
        public Optional<Target> find(long id) {
            // the public check (ProgrammeAccess is a transactional proxy)
            return projects.findById(id).filter(p -> access.mayRead(id)).map(p -> {
                Set<Long> commissions = new HashSet<>(p.getParticipatingCommissionIds());
                commissions.add(p.getCommissionId());
                return new Target(p.getTitle(), commissions, false);
            });
        }
    }

    @Transactional(readOnly = true)
    static class EventTargets implements AnchorTargets {

        private final ProgrammeEventRepository events;
        private final CurrentUser currentUser;

        EventTargets(ProgrammeEventRepository events, CurrentUser currentUser) {
            this.events = events;
            this.currentUser = currentUser;
        }

        @Override
        public AnchorType type() {
            return AnchorType.EVENT;
        }

        @Override
        public Optional<Target> find(long id) {
            if (currentUser.get().isEmpty()) {
                return Optional.empty();
            }
            return events.findById(id).map(e -> new Target(e.getTitle(), Set.of(), true));
        }
    }
}
