// Loads the run's ui-stats.bin into DL4J's SameDiff page (deeplearning4j-vertx: samediff-ui.js, samediff-plots.js)
// as its "Select File" button would, then shows the page named by the URL's fragment (#plots, the default, or
// #graph).
(function () {
    var dataUrl = '/gvsl/ui-stats.bin';
    window.file = null; // DL4J's scripts read this global, which only their file chooser declares

    // DL4J's plots page renders before its FileReader has parsed the file (so it shows the previous parse) and
    // appends every parse to the same maps (so a second visit doubles each line). Here each visit clears the
    // maps, lets DL4J parse, and renders once the parse is done.
    var dl4jReadAndRenderPlotsData = readAndRenderPlotsData;
    window.sdPlotsHistogramY = window.sdPlotsHistogramY || new Map(); // used, never declared, by DL4J's script
    readAndRenderPlotsData = function () {
        sdPlotsLineChartX.clear();
        sdPlotsLineChartY.clear();
        sdPlotsHistogramX.clear();
        sdPlotsHistogramY.clear();
        dl4jReadAndRenderPlotsData();
        if (!file) {
            return;
        }
        var tries = 0;
        var poll = setInterval(function () {
            if (sdPlotsLineChartX.size > 0 || ++tries > 100) {
                clearInterval(poll);
                lossesFirst();
                renderLineCharts();
                renderHistograms();
                foldSeriesNames();
            }
        }, 100);
    };

    // The loss charts first, then the learning rate, then the update/parameter ratios (one per parameter),
    // each group in DL4J's order.
    function lossesFirst() {
        var rank = function (name) {
            return name.indexOf('losses/') === 0 ? 0 : name === 'learningRate' ? 1 : 2;
        };
        var names = Array.from(sdPlotsLineChartX.keys()).sort(function (a, b) {
            return rank(a) - rank(b);
        });
        var x = new Map();
        var y = new Map();
        names.forEach(function (name) {
            x.set(name, sdPlotsLineChartX.get(name));
            y.set(name, sdPlotsLineChartY.get(name));
        });
        sdPlotsLineChartX = x;
        sdPlotsLineChartY = y;
    }

    // DL4J heads the charts with the names of all series (over a hundred with the update ratios), which pushes
    // the charts off the screen: the names are folded away, one click opens them.
    function foldSeriesNames() {
        var header = document.querySelector('#samediffcontent > div');
        if (header === null || sdPlotsLineChartX.size === 0) {
            return;
        }
        var names = Array.from(sdPlotsLineChartX.keys()).join(', ');
        header.innerHTML = '<details><summary><b>Scalars Values</b>: ' + sdPlotsLineChartX.size
            + ' series, losses first</summary>' + $('<div>').text(names).html() + '</details><br>';
    }

    // After DL4J's own start-up handler (registered earlier), which draws an empty graph.
    $(function () {
        samediffSetPage(window.location.hash === '#graph' ? 'graph' : 'plots');
        fetch(dataUrl, {cache: 'no-store'}).then(function (response) {
            if (!response.ok) {
                throw new Error('HTTP ' + response.status + ' for ' + dataUrl);
            }
            return response.arrayBuffer();
        }).then(function (bytes) {
            file = new File([bytes], 'ui-stats.bin');
            readGraphStructure(); // fills the sidebar from the graph structure, then renders the page
        }).catch(function (error) {
            document.getElementById('selectedfile').textContent = 'Cannot load the run: ' + error.message;
        });
    });
})();
