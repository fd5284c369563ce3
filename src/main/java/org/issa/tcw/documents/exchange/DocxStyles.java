package org.issa.tcw.documents.exchange;

import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The styles and list definitions of a Word export ({@link DocxWriter}): Title and Heading 1–6 with
 * outline levels (Word's navigation pane and table of contents use them), one bullet and one decimal
 * multi-level list definition, and a numbering instance per ordered list.
 */
final class DocxStyles {

    private final XWPFNumbering numbering;
    private final BigInteger decimalAbstract;
    private final BigInteger bulletNum;

    private DocxStyles(XWPFNumbering numbering, BigInteger decimalAbstract, BigInteger bulletNum) {
        this.numbering = numbering;
        this.decimalAbstract = decimalAbstract;
        this.bulletNum = bulletNum;
    }

    /** Adds the styles and list definitions to a new document. */
    static DocxStyles install(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        style(styles, "Title", "Title", 0, 52, "1F3864");
        for (int level = 1; level <= 6; level++) {
            style(styles, "Heading" + level, "heading " + level, level, new int[] {32, 28, 26, 24, 22, 22}[level - 1],
                    "2F5496");
        }
        XWPFNumbering numbering = doc.createNumbering();
        BigInteger bulletAbstract = numbering.addAbstractNum(new XWPFAbstractNum(abstractNum(1, true), numbering));
        BigInteger decimalAbstract = numbering.addAbstractNum(new XWPFAbstractNum(abstractNum(2, false), numbering));
        return new DocxStyles(numbering, decimalAbstract, numbering.addNum(bulletAbstract));
    }

    private static void style(XWPFStyles styles, String id, String name, int outlineLevel, int halfPoints,
            String colour) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        ct.setType(STStyleType.PARAGRAPH);
        ct.addNewName().setVal(name);
        ct.addNewNext().setVal("Normal");
        ct.addNewQFormat();
        CTPPrGeneral ppr = ct.addNewPPr();
        ppr.addNewKeepNext();
        ppr.addNewSpacing().setBefore(BigInteger.valueOf(outlineLevel == 0 ? 0 : 240));
        if (outlineLevel > 0) {
            ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel - 1));
        }
        CTRPr rpr = ct.addNewRPr();
        rpr.addNewB();
        rpr.addNewColor().setVal(colour);
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        styles.addStyle(new XWPFStyle(ct, styles));
    }

    private static CTAbstractNum abstractNum(int id, boolean bullet) {
        CTAbstractNum abs = CTAbstractNum.Factory.newInstance();
        abs.setAbstractNumId(BigInteger.valueOf(id));
        String[] bullets = {"\u2022", "\u25E6", "\u25AA"};
        for (int i = 0; i < 9; i++) {
            CTLvl lvl = abs.addNewLvl();
            lvl.setIlvl(BigInteger.valueOf(i));
            lvl.addNewStart().setVal(BigInteger.ONE);
            lvl.addNewNumFmt().setVal(bullet ? STNumberFormat.BULLET
                    : i % 3 == 0 ? STNumberFormat.DECIMAL : i % 3 == 1 ? STNumberFormat.LOWER_LETTER
                    : STNumberFormat.LOWER_ROMAN);
            lvl.addNewLvlText().setVal(bullet ? bullets[i % 3] : "%" + (i + 1) + ".");
            lvl.addNewLvlJc().setVal(STJc.LEFT);
            var ind = lvl.addNewPPr().addNewInd();
            ind.setLeft(BigInteger.valueOf(720L * (i + 1)));
            ind.setHanging(BigInteger.valueOf(360));
        }
        return abs;
    }

    /** The numbering of every bulleted list (one instance: bullets do not restart). */
    BigInteger bulletNum() {
        return bulletNum;
    }

    /** A new numbering instance for an ordered list, so that it counts from {@code start} on its own. */
    BigInteger newOrderedNum(int start) {
        BigInteger num = numbering.addNum(decimalAbstract);
        var override = numbering.getNum(num).getCTNum().addNewLvlOverride();
        override.setIlvl(BigInteger.ZERO);
        override.addNewStartOverride().setVal(BigInteger.valueOf(Math.max(1, start)));
        return num;
    }
}
