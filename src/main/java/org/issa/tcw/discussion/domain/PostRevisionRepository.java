package org.issa.tcw.discussion.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PostRevisionRepository extends JpaRepository<PostRevision, Long> {

    List<PostRevision> findByPostIdOrderByReplacedAtDesc(long postId);
}
