package org.issa.tcw.programme;

import org.issa.tcw.base.UsageCheck;
import org.issa.tcw.programme.domain.ProjectRepository;
import org.issa.tcw.programme.domain.PriorityRepository;
import org.issa.tcw.programme.domain.ProgrammeEventRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells other features that the programme still refers to a commission or triennium they want to delete. */
@Configuration
class ProgrammeUsage {

    @Bean
    UsageCheck commissionProjectsUsage(ProjectRepository projects) {
        return new UsageCheck() {
            public String subject() {
                return "commission";
            }

            public long count(long id) {
                return projects.countByCommissionId(id);
            }

            public String messageKey() {
                return "programme.usage.commission";
            }
        };
    }

    @Bean
    UsageCheck personProjectsUsage(ProjectRepository projects) {
        return new UsageCheck() {
            public String subject() {
                return "person";
            }

            public long count(long id) {
                return projects.countByLeadPersonId(id) + projects.countContributions(id)
                        + projects.countOwnedMilestones(id);
            }

            public String messageKey() {
                return "programme.usage.person";
            }
        };
    }

    @Bean
    UsageCheck trienniumPrioritiesUsage(PriorityRepository priorities, ProgrammeEventRepository events) {
        return new UsageCheck() {
            public String subject() {
                return "triennium";
            }

            public long count(long id) {
                return priorities.countByTrienniumId(id) + events.countByTrienniumId(id);
            }

            public String messageKey() {
                return "programme.usage.triennium";
            }
        };
    }
}
