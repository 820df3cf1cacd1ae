<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BridgeView</name>
    <message>
        <source>Sum-of-the-parts bridge</source>
        <extracomment>Pixels between a bar&apos;s end (or the market-cap line) and its value label. The total&apos;s label: with the verdict, and the number alone (when space is short). method → list of (item key, label, start, end): the plotted steps.</extracomment>
        <translation>分部加总估值桥</translation>
    </message>
    <message>
        <source>%1: sum of the parts</source>
        <translation>%1：分部加总</translation>
    </message>
    <message>
        <source>Equity value (%1)</source>
        <translation>股权价值（%1）</translation>
    </message>
    <message>
        <source>+ Excess cash</source>
        <translation>+ 富余现金</translation>
    </message>
    <message>
        <source>− Minority interest</source>
        <translation>− 少数股东权益</translation>
    </message>
    <message>
        <source>+ Equity investments</source>
        <translation>+ 股权投资</translation>
    </message>
    <message>
        <source>= Total</source>
        <translation>= 合计</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <source>Market cap</source>
        <translation>总市值</translation>
    </message>
</context>
<context>
    <name>Drivers</name>
    <message>
        <source>Discount rate</source>
        <translation>贴现率</translation>
    </message>
    <message>
        <source>Terminal growth</source>
        <translation>永续增长率</translation>
    </message>
    <message>
        <source>Fade growth</source>
        <translation>半显性期增速</translation>
    </message>
    <message>
        <source>Revenue growth</source>
        <translation>收入增速</translation>
    </message>
    <message>
        <source>Net margins</source>
        <translation>净利率</translation>
    </message>
    <message>
        <source>ROE</source>
        <translation>ROE</translation>
    </message>
    <message>
        <source>Multiple</source>
        <translation>综合倍数</translation>
    </message>
    <message>
        <source>Excess cash</source>
        <translation>富余现金</translation>
    </message>
</context>
<context>
    <name>HeatmapView</name>
    <message>
        <source>Heat map, %1: “To” (%2) must be above “From” (%3); the previous range, %4 to %5, is kept.</source>
        <extracomment>Colour-bar range, in percent upside. Colour stops: each band&apos;s badge colour at the band&apos;s middle (percent upside). The steps an axis may have (41 × 41 is the default; the map stays live). A new config from the tab&apos;s controls (drivers, method, a range). A refused range; argument: the message (also shown on the tab).</extracomment>
        <translation>热力图，%1：“到”（%2）须大于“从”（%3）；保留原区间 %4 至 %5。</translation>
    </message>
    <message>
        <source>%1 (%)</source>
        <translation>%1（%）</translation>
    </message>
    <message>
        <source>%1, change (%)</source>
        <translation>%1变动（%）</translation>
    </message>
    <message>
        <source>%1 shift (percentage points)</source>
        <translation>%1变动（百分点）</translation>
    </message>
    <message>
        <source>Upside (%1): %2 × %3</source>
        <translation>上行空间（%1）：%2 × %3</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>横轴：</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>纵轴：</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Upside vs market cap (%)</source>
        <translation>相对总市值的上行空间（%）</translation>
    </message>
    <message>
        <source>Move the mouse over the map to read a cell.</source>
        <translation>将鼠标移到热力图上即可读取单元格。</translation>
    </message>
    <message>
        <source>Hatched cells: the method is invalid there (discount rate ≤ terminal growth).</source>
        <translation>斜线单元格：该处估值方法无效（贴现率 ≤ 永续增长率）。</translation>
    </message>
    <message>
        <source>%1 %2, %3 %4</source>
        <translation>%1 %2，%3 %4</translation>
    </message>
    <message>
        <source>invalid (discount rate ≤ terminal growth)</source>
        <translation>无效（贴现率 ≤ 永续增长率）</translation>
    </message>
    <message>
        <source>value %1 %2, upside %3 (%4)</source>
        <translation>价值 %1 %2，上行空间 %3（%4）</translation>
    </message>
</context>
<context>
    <name>Methods</name>
    <message>
        <source>DDM</source>
        <translation>DDM 估值</translation>
    </message>
    <message>
        <source>Dynamic valuation</source>
        <translation>动态估值</translation>
    </message>
    <message>
        <source>Dynamic</source>
        <translation>动态</translation>
    </message>
</context>
<context>
    <name>PlotView</name>
    <message>
        <source>This view cannot be computed: %1</source>
        <extracomment>Stable identifier (tests, file names). Which config fields this view reads.</extracomment>
        <translation>无法计算此视图：%1</translation>
    </message>
    <message>
        <source>No valuation: the model has errors. Fix them in the tables.</source>
        <translation>无估值：模型有错误，请在表格中修正。</translation>
    </message>
</context>
<context>
    <name>SensitivityPanel</name>
    <message>
        <source>Sensitivity</source>
        <extracomment>Emitted after the visible views asked for their numbers: they are drawn by then, unless a request is slow (the runner&apos;s ``delivered``). Executes the views&apos; requests; the window passes the controller&apos;s. Every view by key; a view is built on first access (see _build_tab). The visible tab waits for the window&apos;s first paint (see ``build_after``).</extracomment>
        <translation>敏感性分析</translation>
    </message>
    <message>
        <source>This picture cannot be drawn: %1</source>
        <translation>无法绘制此图：%1</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司整体</translation>
    </message>
    <message>
        <source>Segment: %1</source>
        <translation>分部：%1</translation>
    </message>
    <message>
        <source>%1: image (PNG)…</source>
        <translation>%1：图片（PNG）…</translation>
    </message>
    <message>
        <source>%1: vector image (SVG)…</source>
        <translation>%1：矢量图（SVG）…</translation>
    </message>
    <message>
        <source>%1: data (CSV)…</source>
        <translation>%1：数据（CSV）…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Drivers applied to:</source>
        <translation>驱动因素作用于：</translation>
    </message>
    <message>
        <source>Ranges &amp;&amp; shocks</source>
        <translation>范围与冲击</translation>
    </message>
    <message>
        <source>Discount rate</source>
        <translation>贴现率</translation>
    </message>
    <message>
        <source>Growth, margins, terminal growth</source>
        <translation>增速、利润率、永续增长</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>热力图</translation>
    </message>
    <message>
        <source>Tornado</source>
        <translation>龙卷风图</translation>
    </message>
    <message>
        <source>Sum of the parts</source>
        <translation>分部加总</translation>
    </message>
</context>
<context>
    <name>SettingsEditor</name>
    <message>
        <source>Ranges (percent; shifts in percentage points)</source>
        <translation>范围（百分比；变动以百分点计）</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Discount-rate shift</source>
        <translation>贴现率变动</translation>
    </message>
    <message>
        <source>Terminal growth, around the model&apos;s</source>
        <translation>永续增长率（围绕模型值）</translation>
    </message>
    <message>
        <source>Net margin shift</source>
        <translation>净利率变动</translation>
    </message>
    <message>
        <source>Revenue growth shift</source>
        <translation>收入增速变动</translation>
    </message>
    <message>
        <source>Heat map: discount-rate shift</source>
        <translation>热力图：贴现率变动</translation>
    </message>
    <message>
        <source>Heat map: terminal growth, around the model&apos;s</source>
        <translation>热力图：永续增长率（围绕模型值）</translation>
    </message>
    <message>
        <source>Tornado shocks (points; multiple and cash in percent)</source>
        <translation>龙卷风图冲击（百分点；倍数与现金以百分比计）</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation>恢复默认值</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>severely overvalued</source>
        <translation>严重高估</translation>
    </message>
    <message>
        <source>overvalued</source>
        <translation>高估</translation>
    </message>
    <message>
        <source>slightly overvalued</source>
        <translation>偏高估</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>合理估值</translation>
    </message>
    <message>
        <source>slightly undervalued</source>
        <translation>偏低估</translation>
    </message>
    <message>
        <source>undervalued</source>
        <translation>低估</translation>
    </message>
    <message>
        <source>severely undervalued</source>
        <translation>严重低估</translation>
    </message>
</context>
<context>
    <name>StatusBands</name>
    <message>
        <source>Market cap %1</source>
        <extracomment>Band fill colours in STATUS_CODES order (opaque, the badge colour on white). Rows of labels the vertical bands may use at the top of the plot (the bridge keeps them free of bars). band index → where its label was put last (scene pixels).</extracomment>
        <translation>总市值 %1</translation>
    </message>
</context>
<context>
    <name>SweepView</name>
    <message>
        <source>Value vs discount rate</source>
        <extracomment>what the texts were last placed for (see _placement_key): an edit that moves no curve, marker or range by a pixel leaves them where they are (issue 11)</extracomment>
        <translation>价值与贴现率</translation>
    </message>
    <message>
        <source>Value vs terminal growth (DDM)</source>
        <translation>价值与永续增长率（DDM）</translation>
    </message>
    <message>
        <source>Value vs net margin shift</source>
        <translation>价值与净利率变动</translation>
    </message>
    <message>
        <source>Value vs revenue growth shift</source>
        <translation>价值与收入增速变动</translation>
    </message>
    <message>
        <source>Discount-rate shift (percentage points, %)</source>
        <translation>贴现率变动（百分点，%）</translation>
    </message>
    <message>
        <source>Terminal growth (%)</source>
        <translation>永续增长率（%）</translation>
    </message>
    <message>
        <source>Net margin shift, every forecast year (percentage points, %)</source>
        <translation>净利率变动，各预测年（百分点，%）</translation>
    </message>
    <message>
        <source>Revenue growth shift, every forecast year (percentage points, %)</source>
        <translation>收入增速变动，各预测年（百分点，%）</translation>
    </message>
    <message>
        <source>Discount-rate shift (points, %)</source>
        <translation>贴现率变动（百分点，%）</translation>
    </message>
    <message>
        <source>Net margin shift (points, %)</source>
        <translation>净利率变动（百分点，%）</translation>
    </message>
    <message>
        <source>Revenue growth shift (points, %)</source>
        <translation>收入增速变动（百分点，%）</translation>
    </message>
    <message>
        <source>Equity value (%1)</source>
        <translation>股权价值（%1）</translation>
    </message>
</context>
<context>
    <name>TornadoView</name>
    <message>
        <source>invalid</source>
        <extracomment>Where the legend may go: (its corner, the plot&apos;s corner, offset), best first.</extracomment>
        <translation>无效</translation>
    </message>
    <message>
        <source>Tornado: value at each driver&apos;s low and high setting</source>
        <extracomment>method → the engine&apos;s TornadoBar list, in the engine&apos;s order.</extracomment>
        <translation>龙卷风图：各驱动因素低/高取值下的价值</translation>
    </message>
    <message>
        <source>%1: value at each driver&apos;s low / high setting</source>
        <translation>%1：各驱动因素低/高取值下的价值</translation>
    </message>
    <message>
        <source>low setting</source>
        <translation>低取值</translation>
    </message>
    <message>
        <source>high setting</source>
        <translation>高取值</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>驱动因素</translation>
    </message>
    <message>
        <source>Low / high setting</source>
        <translation>低/高取值</translation>
    </message>
    <message>
        <source>Value at low (%1)</source>
        <translation>低取值时价值（%1）</translation>
    </message>
    <message>
        <source>Value at high (%1)</source>
        <translation>高取值时价值（%1）</translation>
    </message>
    <message>
        <source>Swing (%1)</source>
        <translation>摆幅（%1）</translation>
    </message>
    <message>
        <source>Equity value (%1)</source>
        <translation>股权价值（%1）</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source> pt</source>
        <translation> 个百分点</translation>
    </message>
</context>
</TS>
