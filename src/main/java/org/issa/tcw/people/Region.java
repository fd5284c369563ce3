package org.issa.tcw.people;

/** The association's four regions (one Regional Social Security Forum each per triennium). */
public enum Region {
    AFRICA, AMERICAS, ASIA_PACIFIC, EUROPE
}
