package org.issa.tcw.documents.comments;

import org.issa.tcw.base.UsageCheck;
import org.issa.tcw.documents.comments.domain.DocumentCommentRepository;
import org.springframework.stereotype.Component;

/** A person who wrote or resolved comments cannot be deleted: the document keeps who said what. */
@Component
class PersonCommentUsage implements UsageCheck {

    private final DocumentCommentRepository comments;

    PersonCommentUsage(DocumentCommentRepository comments) {
        this.comments = comments;
    }

    @Override
    public String subject() {
        return "person";
    }

    @Override
    public long count(long id) {
        return comments.countReferencesToPerson(id);
    }

    @Override
    public String messageKey() {
        return "person.delete.in-comments";
    }
}
