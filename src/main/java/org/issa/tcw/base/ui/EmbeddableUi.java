package org.issa.tcw.base.ui;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one door of a feature's {@code ui} package to other features' views: a public Spring
 * bean that builds components they embed (e.g. the discussions panel of a project or document
 * page). Everything else in a {@code ui} package stays private to its feature. Such a bean reads
 * its data only through its feature's protected services, so embedding it shows a reader nothing
 * the services would refuse ({@code ArchitectureTest} checks both rules).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EmbeddableUi {
}
