package org.issa.tcw.search;

/** One value of a filter with the number of hits it would keep ({@code key} as it goes in the URL). */
public record FacetValue(String key, String label, long count) {
}
