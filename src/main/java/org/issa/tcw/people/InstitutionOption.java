package org.issa.tcw.people;

/** An institution to choose in a form. */
public record InstitutionOption(long id, String name, String countryCode) {
}
