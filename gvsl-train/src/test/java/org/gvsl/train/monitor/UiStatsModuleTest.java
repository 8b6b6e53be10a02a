package org.gvsl.train.monitor;

import org.deeplearning4j.ui.api.Route;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UiStatsModuleTest {

    @Test
    void thePageIsDl4jsWithTheLoaderAddedOnceAtTheEndOfItsBody() {
        String page = UiStatsModule.page();
        String tag = "<script src=\"" + UiStatsModule.LOADER + "\"></script>";
        assertEquals(page.indexOf(tag), page.lastIndexOf(tag));
        assertTrue(page.indexOf(tag) > page.indexOf("addEventListener('change', fileSelect"),
                "after DL4J's own start-up script");
        assertTrue(page.indexOf(tag) < page.lastIndexOf("</body>"));
    }

    @Test
    void routesThePageTheDataAndTheLoader() {
        List<String> routes = new UiStatsModule().getRoutes().stream().map(Route::getRoute).toList();
        assertEquals(List.of(UiStatsModule.PAGE, UiStatsModule.DATA, UiStatsModule.LOADER), routes);
    }
}
