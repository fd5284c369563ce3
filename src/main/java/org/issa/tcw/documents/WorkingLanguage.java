package org.issa.tcw.documents;

/** The four working languages a document can be written in. */
public enum WorkingLanguage {
    EN, FR, ES, DE
}
