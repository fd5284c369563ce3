package org.issa.tcw.base;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a check method guarantees when it returns, for NullAway (ADR 052), in JetBrains' contract
 * syntax: {@code "false, _, _ -> fail"} on {@link Checks#require} tells it that after
 * {@code require(x != null, …)} the value {@code x} is not null.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Contract {

    String value();
}
