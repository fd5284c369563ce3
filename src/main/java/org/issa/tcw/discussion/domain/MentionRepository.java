package org.issa.tcw.discussion.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MentionRepository extends JpaRepository<Mention, Mention.Key> {
}
