/**
 * What the nodes of the application share beyond the database (ADR 100): live delivery of committed
 * changes to open pages ({@link org.issa.tcw.cluster.LiveDelivery}, in memory on one node,
 * PostgreSQL LISTEN/NOTIFY on several) and the locks that make scheduled jobs run once. Depends on
 * no feature, so that every feature, security included, may use it.
 */
@NullMarked
package org.issa.tcw.cluster;

import org.jspecify.annotations.NullMarked;
