/**
 * The workflow of a document from draft to published: its stages, who moves it between them and
 * the event other features listen to (the programme's milestones, notifications, consultations).
 */
@NullMarked
package org.issa.tcw.documents.workflow;

import org.jspecify.annotations.NullMarked;
