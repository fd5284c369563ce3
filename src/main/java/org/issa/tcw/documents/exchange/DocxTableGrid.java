package org.issa.tcw.documents.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A table's cells placed on a grid of columns, as Word needs them ({@link DocxWriter}): a cell
 * spanning rows occupies its columns in the rows below (there it is a continuation, {@code vMerge}),
 * a cell spanning columns takes several grid columns ({@code gridSpan}).
 *
 * @param rows per table row, its slots from left to right
 * @param columns the grid's width in columns (at least 1)
 */
record DocxTableGrid(List<List<Slot>> rows, int columns) {

    /** A cell placed on the grid: where it starts and how far it spans; {@code cell} null for a continuation. */
    record Slot(int column, int colspan, int rowspan, @Nullable JsonNode cell, boolean header) {
    }

    /** Places the cells of the given {@code tableRow} nodes. */
    static DocxTableGrid place(List<JsonNode> rows) {
        // place cells on the grid: rowspans occupy columns of the rows below
        List<List<Slot>> grid = new ArrayList<>();
        Map<Integer, int[]> pending = new HashMap<>(); // column -> {rows left, colspan}
        int columns = 0;
        for (JsonNode row : rows) {
            List<Slot> slots = new ArrayList<>();
            int col = 0;
            var cells = row.path("content").iterator();
            while (true) {
                int[] carried = pending.get(col);
                if (carried != null) {
                    slots.add(new Slot(col, carried[1], 0, null, false));
                    if (--carried[0] == 0) {
                        pending.remove(col);
                    }
                    col += carried[1];
                    continue;
                }
                if (!cells.hasNext()) {
                    if (pending.keySet().stream().anyMatch(c -> c > 0)) {
                        int nextCol = pending.keySet().stream().min(Integer::compare).orElseThrow();
                        if (nextCol >= col) {
                            col = nextCol;
                            continue;
                        }
                    }
                    break;
                }
                JsonNode cell = cells.next();
                int colspan = Math.max(1, Math.min(63, cell.path("attrs").path("colspan").asInt(1)));
                int rowspan = Math.max(1, Math.min(1000, cell.path("attrs").path("rowspan").asInt(1)));
                slots.add(new Slot(col, colspan, rowspan, cell, "tableHeader".equals(cell.path("type").asString(""))));
                if (rowspan > 1) {
                    pending.put(col, new int[] {rowspan - 1, colspan});
                }
                col += colspan;
            }
            columns = Math.max(columns, col);
            grid.add(slots);
        }
        return new DocxTableGrid(grid, Math.max(1, columns));
    }
}
