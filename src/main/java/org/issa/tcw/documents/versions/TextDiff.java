package org.issa.tcw.documents.versions;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text summary of a change, computed with java-diff-utils over the outline text of two
 * versions (one line per block, headings prefixed with '#' per level): words added and removed,
 * and the numbers of the sections whose blocks changed.
 */
final class TextDiff {

    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6}) ");

    private TextDiff() {
    }

    record Words(int added, int removed) {
    }

    static Words words(String before, String after) {
        Patch<String> patch = DiffUtils.diff(words(before), words(after));
        int added = 0;
        int removed = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            added += d.getTarget().size();
            removed += d.getSource().size();
        }
        return new Words(added, removed);
    }

    /** The numbers of the sections changed, in document order (new text first), without repeats. */
    static List<String> sections(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        String[] sa = numbers(a);
        String[] sb = numbers(b);
        Set<String> changed = new LinkedHashSet<>();
        Set<String> removed = new LinkedHashSet<>();
        for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
            int t = d.getTarget().getPosition();
            for (int i = 0; i < d.getTarget().size(); i++) {
                changed.add(sb[t + i]);
            }
            if (d.getTarget().size() == 0 && t > 0) {
                changed.add(sb[t - 1]); // lines removed after this one, in its section
            }
            int s = d.getSource().getPosition();
            for (int i = 0; i < d.getSource().size(); i++) {
                removed.add(sa[s + i]);
            }
        }
        changed.addAll(removed);
        return new ArrayList<>(changed);
    }

    private static List<String> words(String outline) {
        List<String> out = new ArrayList<>();
        for (String line : lines(outline)) {
            String text = HEADING.matcher(line).replaceFirst("");
            for (String w : SPACE.split(text.strip())) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    private static List<String> lines(String outline) {
        return outline.isEmpty() ? List.of() : Arrays.asList(outline.split("\n", -1));
    }

    /** The section number of every line ("" before the first heading), numbered from the highest level used. */
    static String[] numbers(List<String> lines) {
        int top = 7;
        int[] levels = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            var m = HEADING.matcher(lines.get(i));
            levels[i] = m.find() ? m.group(1).length() : 0;
            if (levels[i] > 0) {
                top = Math.min(top, levels[i]);
            }
        }
        int[] counters = new int[8];
        String current = "";
        String[] out = new String[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            int level = levels[i];
            if (level > 0) {
                counters[level]++;
                Arrays.fill(counters, level + 1, counters.length, 0);
                StringBuilder n = new StringBuilder();
                for (int l = top; l <= level; l++) {
                    n.append(n.isEmpty() ? "" : ".").append(counters[l]);
                }
                current = n.toString();
            }
            out[i] = current;
        }
        return out;
    }
}
