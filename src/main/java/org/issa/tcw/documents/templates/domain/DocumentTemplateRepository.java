package org.issa.tcw.documents.templates.domain;

import java.util.List;
import org.issa.tcw.documents.DocumentKind;
import org.issa.tcw.documents.WorkingLanguage;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DocumentTemplateRepository extends JpaRepository<DocumentTemplate, Long> {

    List<DocumentTemplate> findAllByOrderByKindAscLanguageAsc();

    List<DocumentTemplate> findByKindAndLanguage(DocumentKind kind, WorkingLanguage language);

    boolean existsByKindAndLanguage(DocumentKind kind, WorkingLanguage language);
}
