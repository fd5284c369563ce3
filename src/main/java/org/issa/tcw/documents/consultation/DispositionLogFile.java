package org.issa.tcw.documents.consultation;

/** An exported disposition log. */
public record DispositionLogFile(String fileName, String mimeType, byte[] content) {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PDF = "application/pdf";
}
