package org.issa.tcw.documents.domain;

import org.jspecify.annotations.Nullable;

/** The commission a document belongs to; {@code null} for a template (ADR 029). */
public record DocumentOwner(@Nullable Long commissionId) {
}
