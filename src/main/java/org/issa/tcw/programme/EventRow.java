package org.issa.tcw.programme;

import java.time.LocalDate;

/** A fixed event of the triennium (TC Forum, Regional Social Security Forum, WSSF ...). */
public record EventRow(long id, EventKind kind, String title, LocalDate date) {
}
