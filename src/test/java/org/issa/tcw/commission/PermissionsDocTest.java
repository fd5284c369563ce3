package org.issa.tcw.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/permissions.md shows the permission table as {@link CommissionAction} holds it: the table
 * between the markers is generated from the enum, so the document cannot drift from the code.
 * When an action changes, run this test with {@code -Dpermissions.write=true} to rewrite the
 * table, and describe the action below it.
 */
class PermissionsDocTest {

    private static final Path DOC = Path.of("docs/permissions.md");
    private static final String BEGIN = "<!-- BEGIN generated from CommissionAction by PermissionsDocTest -->";
    private static final String END = "<!-- END generated -->";

    @Test
    void the_documented_permission_table_is_the_one_in_the_code() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("markers in " + DOC).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String expected = BEGIN + "\n" + table() + END;
        String actual = doc.substring(begin, end + END.length());
        if (!actual.equals(expected) && Boolean.getBoolean("permissions.write")) {
            Files.writeString(DOC, doc.substring(0, begin) + expected + doc.substring(end + END.length()),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).as("docs/permissions.md is out of date: rerun with -Dpermissions.write=true")
                .isEqualTo(expected);
    }

    @Test
    void every_action_is_explained_in_the_document() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String prose = doc.substring(doc.indexOf(END));
        for (CommissionAction action : CommissionAction.values()) {
            assertThat(prose).as(action.name()).contains("`" + action.name() + "`");
        }
    }

    static String table() {
        var out = new StringBuilder();
        List<CommissionRole> roles = List.of(CommissionRole.values());
        out.append("| action | admin | secretariat |");
        roles.forEach(r -> out.append(' ').append(r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .append(" of C |"));
        out.append(" other signed-in |\n|---|---|---|");
        roles.forEach(r -> out.append("---|"));
        out.append("---|\n");
        for (CommissionAction action : CommissionAction.values()) {
            out.append("| `").append(action.name()).append("` | ").append(yes(action.allowsAdmin())).append(" | ")
                    .append(yes(action.allowsSecretariat())).append(" |");
            roles.forEach(r -> out.append(' ').append(yes(action.allows(r))).append(" |"));
            out.append(" no |\n");
        }
        return out.toString();
    }

    private static String yes(boolean allowed) {
        return allowed ? "yes" : "no";
    }
}
