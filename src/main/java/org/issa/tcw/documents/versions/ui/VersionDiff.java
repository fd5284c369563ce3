package org.issa.tcw.documents.versions.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import java.util.Base64;

/**
 * The read-only comparison editor ({@code <tcw-version-diff>}, frontend/tcw-version-diff.ts), fed
 * the two stored states; it has no connection to the live document.
 */
@Tag("tcw-version-diff")
@JsModule("./tcw-version-diff.ts")
@CssImport("./tcw-version-diff.css")
class VersionDiff extends Component {

    VersionDiff(byte[] before, byte[] after) {
        getElement().setProperty("beforeState", Base64.getEncoder().encodeToString(before));
        getElement().setProperty("afterState", Base64.getEncoder().encodeToString(after));
    }
}
