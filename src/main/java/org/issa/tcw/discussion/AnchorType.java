package org.issa.tcw.discussion;

/** What a thread can be attached to, besides its commission. */
public enum AnchorType {
    PROJECT, DOCUMENT, EVENT
}
