package org.issa.tcw.documents.exchange;

/** A generated file: its name in the reader's language, its media type and its bytes. */
public record ExportFile(String fileName, String contentType, byte[] bytes) {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String PDF = "application/pdf";
}
