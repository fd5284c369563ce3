package org.issa.tcw.security.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LocalAccountRepository extends JpaRepository<LocalAccount, String> {
}
