<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Empty input; the old value is kept.</source>
        <translation>输入为空，保留原值。</translation>
    </message>
    <message>
        <source>“%1” is not a finite number; the old value is kept.</source>
        <translation>“%1”不是有限数值，保留原值。</translation>
    </message>
    <message>
        <source>“%1” is not a whole number; the old value is kept.</source>
        <translation>“%1”不是整数，保留原值。</translation>
    </message>
    <message>
        <source>“%1”: a percentage is not allowed in this cell; the old value is kept.</source>
        <translation>“%1”：此单元格不接受百分数，保留原值。</translation>
    </message>
    <message>
        <source>“%1” is not a number; the old value is kept.</source>
        <translation>“%1”不是数字，保留原值。</translation>
    </message>
    <message>
        <source>%1 is computed and cannot be typed over; edit the blue inputs instead.</source>
        <translation>%1 是计算结果，不能直接输入；请修改蓝色的输入单元格。</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>Paste refused at %1: %2</source>
        <translation>粘贴被拒绝，位置 %1：%2</translation>
    </message>
    <message>
        <source>%1 value(s) past the table&apos;s last row or column were dropped</source>
        <translation>超出表格最后一行或最后一列的 %1 个值被舍弃</translation>
    </message>
    <message>
        <source>%1 value(s) on computed (read-only) cells were skipped</source>
        <translation>落在计算（只读）单元格上的 %1 个值被跳过</translation>
    </message>
    <message>
        <source>Paste at %1: %2.</source>
        <translation>粘贴于 %1：%2。</translation>
    </message>
    <message>
        <source>Paste %1 cells</source>
        <translation>粘贴 %1 个单元格</translation>
    </message>
    <message>
        <source>Revenue (%1)</source>
        <translation>收入(%1)</translation>
    </message>
    <message>
        <source>Revenue growth</source>
        <translation>收入增速</translation>
    </message>
    <message>
        <source>Operating net profit (%1)</source>
        <translation>经营性净利润(%1)</translation>
    </message>
    <message>
        <source>Operating net margin</source>
        <translation>经营性净利率</translation>
    </message>
    <message>
        <source>Operating net profit growth</source>
        <translation>经营性净利润增速</translation>
    </message>
    <message>
        <source>亿元</source>
        <translation>亿元</translation>
    </message>
    <message>
        <source>%1 is an actual year: its rates follow from the reported revenue and profit, which you can edit.</source>
        <translation>%1 是实际年份：其比率由已披露的收入和利润算出，可修改的是收入和利润。</translation>
    </message>
    <message>
        <source>Segment %1</source>
        <translation>业务 %1</translation>
    </message>
    <message>
        <source>%1 · name</source>
        <translation>%1 · 名称</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Non-operating profit (%1)</source>
        <translation>非经营性损益(%1)</translation>
    </message>
    <message>
        <source>Minority interests&apos; profit (%1)</source>
        <translation>少数股东损益(%1)</translation>
    </message>
    <message>
        <source>Net profit attributable (%1)</source>
        <translation>归母净利润(%1)</translation>
    </message>
    <message>
        <source>Net profit attributable growth</source>
        <translation>归母净利润增速</translation>
    </message>
    <message>
        <source>Discount rate</source>
        <translation>贴现率</translation>
    </message>
    <message>
        <source>ROE</source>
        <translation>ROE</translation>
    </message>
    <message>
        <source>Fade growth</source>
        <translation>半显性期增速</translation>
    </message>
    <message>
        <source>Fade years</source>
        <translation>半显性期年数</translation>
    </message>
    <message>
        <source>Terminal growth</source>
        <translation>永续增长率</translation>
    </message>
    <message>
        <source>Composite multiple</source>
        <translation>综合倍数</translation>
    </message>
    <message>
        <source>The company&apos;s value; type a value to override it for this segment.</source>
        <translation>沿用公司整体取值；输入数值可为该业务单独设定。</translation>
    </message>
    <message>
        <source>This segment&apos;s own value; clear the cell to use the company&apos;s again.</source>
        <translation>本业务自己的取值；清空单元格即恢复使用公司整体取值。</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation>股票代码</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Share price</source>
        <translation>当前股价</translation>
    </message>
    <message>
        <source>Market cap</source>
        <translation>总市值</translation>
    </message>
    <message>
        <source>PE-TTM</source>
        <translation>PE-TTM</translation>
    </message>
    <message>
        <source>PB-MRQ</source>
        <translation>PB-MRQ</translation>
    </message>
    <message>
        <source>DDM</source>
        <translation>DDM</translation>
    </message>
    <message>
        <source>Dynamic</source>
        <translation>动态估值</translation>
    </message>
    <message>
        <source>%1 value</source>
        <translation>%1价值</translation>
    </message>
    <message>
        <source>%1 upside</source>
        <translation>%1上行空间</translation>
    </message>
    <message>
        <source>%1 status</source>
        <translation>%1状态</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>总股本</translation>
    </message>
    <message>
        <source>PE-TTM (quoted)</source>
        <translation>PE-TTM（报价）</translation>
    </message>
    <message>
        <source>PB-MRQ (quoted)</source>
        <translation>PB-MRQ（报价）</translation>
    </message>
    <message>
        <source>Excess cash (%1)</source>
        <translation>富余现金(%1)</translation>
    </message>
    <message>
        <source>Minority interest (%1)</source>
        <translation>少数股东权益价值(%1)</translation>
    </message>
    <message>
        <source>Equity investments (%1)</source>
        <translation>股权投资价值(%1)</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>Company total (%1)</source>
        <translation>公司整体测算(%1)</translation>
    </message>
    <message>
        <source>Forecast-period
value</source>
        <translation>预测期
价值</translation>
    </message>
    <message>
        <source>Perpetual
value</source>
        <translation>永续期
价值</translation>
    </message>
    <message>
        <source>Business
value</source>
        <translation>业务价值</translation>
    </message>
    <message>
        <source>Perpetual
share</source>
        <translation>永续期
占比</translation>
    </message>
    <message>
        <source>Excess
cash</source>
        <translation>富余现金</translation>
    </message>
    <message>
        <source>Minority
interest</source>
        <translation>少数股东
权益价值</translation>
    </message>
    <message>
        <source>Equity
investments</source>
        <translation>股权投资
价值</translation>
    </message>
    <message>
        <source>Total
value</source>
        <translation>总价值</translation>
    </message>
    <message>
        <source>Discount
rate</source>
        <translation>贴现率</translation>
    </message>
    <message>
        <source>Composite
multiple</source>
        <translation>综合倍数</translation>
    </message>
    <message>
        <source>Earnings
base</source>
        <translation>有效盈利
预测</translation>
    </message>
    <message>
        <source>Explicit-period
value</source>
        <translation>显性期
价值</translation>
    </message>
    <message>
        <source>Post-explicit
value</source>
        <translation>显性期后
价值</translation>
    </message>
    <message>
        <source>%1: %2; typed %3.</source>
        <translation>%1：%2；输入为 %3。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>revenue growth must be greater than %1</source>
        <translation>收入增速须大于 %1</translation>
    </message>
    <message>
        <source>a forecast revenue must be greater than 0 (growth above −100%)</source>
        <translation>预测收入须大于 0（增速高于 −100%）</translation>
    </message>
    <message>
        <source>the revenue of %1 is zero, so a revenue cannot be turned into growth; edit the growth instead</source>
        <translation>%1 年收入为零，无法将收入换算为增速；请直接编辑增速</translation>
    </message>
    <message>
        <source>the revenue of %1 is zero, so a profit cannot be turned into a margin</source>
        <translation>%1 年收入为零，无法将利润换算为利润率</translation>
    </message>
    <message>
        <source>profit growth needs a positive profit in the previous year; edit the margin or the profit instead</source>
        <translation>利润增速要求上一年利润为正；请改为编辑利润率或利润</translation>
    </message>
    <message>
        <source>an actual revenue cannot be negative</source>
        <translation>实际收入不能为负</translation>
    </message>
    <message>
        <source>%1 is the first year: it has no growth to edit; edit its revenue or profit</source>
        <translation>%1 是第一年，没有可编辑的增速；请编辑其收入或利润</translation>
    </message>
    <message>
        <source>the value is too large: an input would overflow</source>
        <translation>数值过大：输入将溢出</translation>
    </message>
    <message>
        <source>is too small to be plausible (at least %1)</source>
        <translation>过小，不合常理（至少为 %1）</translation>
    </message>
    <message>
        <source>is too large to be plausible (at most ±%1)</source>
        <translation>过大，不合常理（至多为 ±%1）</translation>
    </message>
    <message>
        <source>must be greater than the terminal growth (%1)</source>
        <translation>须大于永续增长率（%1）</translation>
    </message>
    <message>
        <source>must be greater than %1 and at most %2</source>
        <translation>须大于 %1 且不超过 %2</translation>
    </message>
    <message>
        <source>must be greater than %1</source>
        <translation>须大于 %1</translation>
    </message>
    <message>
        <source>cannot be negative</source>
        <translation>不能为负</translation>
    </message>
    <message>
        <source>must be a whole number from 0 to %1</source>
        <translation>须为 0 到 %1 之间的整数</translation>
    </message>
    <message>
        <source>is out of the allowed range</source>
        <translation>超出允许范围</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>须为数字</translation>
    </message>
    <message>
        <source>%1 %2; it would be %3.</source>
        <translation>%1%2；输入后为 %3。</translation>
    </message>
    <message>
        <source>%1 %2.</source>
        <translation>%1%2。</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Edit refused: the model would be invalid.</source>
        <translation>编辑被拒绝：模型将变为无效。</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
</context>
<context>
    <name>EngineWarnings</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1: discount rate %2 is less than 2 points above terminal growth %3; the terminal value is very sensitive</source>
        <translation>%1：贴现率 %2 比永续增长率 %3 高不到 2 个百分点，终值非常敏感</translation>
    </message>
    <message>
        <source>%1: terminal growth %2 is above 5%</source>
        <translation>%1：永续增长率 %2 高于 5%</translation>
    </message>
    <message>
        <source>%1: the terminal value is %2 of the segment&apos;s DDM value (above 75%)</source>
        <translation>%1：终值占该业务 DDM 价值的 %2（超过 75%）</translation>
    </message>
    <message>
        <source>%1: payout clamped to 0 in %2 (growth above ROE %3)</source>
        <translation>%1：%2 年派息率被截为 0（增速高于 ROE %3）</translation>
    </message>
    <message>
        <source>%1: payout clamped to 100% in %2 (negative growth)</source>
        <translation>%1：%2 年派息率被截为 100%（负增长）</translation>
    </message>
    <message>
        <source>%1: fade payout clamped to 0 (fade growth above ROE %2)</source>
        <translation>%1：半显性期派息率被截为 0（半显性期增速高于 ROE %2）</translation>
    </message>
    <message>
        <source>%1: fade payout clamped to 100% (negative fade growth; ROE %2)</source>
        <translation>%1：半显性期派息率被截为 100%（半显性期负增长；ROE %2）</translation>
    </message>
    <message>
        <source>%1: terminal payout clamped to 0 (terminal growth above ROE %2)</source>
        <translation>%1：永续期派息率被截为 0（永续增长率高于 ROE %2）</translation>
    </message>
    <message>
        <source>%1: terminal payout clamped to 100% (negative terminal growth; ROE %2)</source>
        <translation>%1：永续期派息率被截为 100%（永续期负增长；ROE %2）</translation>
    </message>
    <message>
        <source>%1: negative earnings in %2: its dividends are negative (the segment consumes capital)</source>
        <translation>%1：%2 年盈利为负，股息为负（该业务消耗资本）</translation>
    </message>
</context>
<context>
    <name>FileSession</name>
    <message>
        <source>Model files (%1)</source>
        <translation>模型文件 (%1)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>“%1” has unsaved changes. Save them first?</source>
        <translation>“%1”有未保存的修改。是否先保存？</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>New company</source>
        <translation>新公司</translation>
    </message>
    <message>
        <source>File already open</source>
        <translation>文件已被打开</translation>
    </message>
    <message>
        <source>“%1” is open in another Valuation Workbench (%2). Changes saved there and here will overwrite each other. Open it anyway?</source>
        <translation>“%1”已在另一个估值工作台中打开（%2）。两处保存的修改会相互覆盖。仍要打开吗？</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>“%1” was written by a newer version of Valuation Workbench and cannot be opened here; the file was not changed.</source>
        <translation>“%1”由更新版本的估值工作台创建，无法在此打开；文件未被修改。</translation>
    </message>
    <message>
        <source>Cannot open “%1”:</source>
        <translation>无法打开“%1”：</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Save model as</source>
        <translation>模型另存为</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>文件已在磁盘上被修改</translation>
    </message>
    <message>
        <source>“%1” was changed by another program since it was opened. Overwrite it?</source>
        <translation>“%1”在打开后已被其他程序修改。是否覆盖？</translation>
    </message>
    <message>
        <source>Saving failed; your work is still open and unsaved.</source>
        <translation>保存失败；您的工作仍处于打开且未保存状态。</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Export tables to folder</source>
        <translation>导出表格到文件夹</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported %1 CSV files to %2</source>
        <translation>已导出 %1 个 CSV 文件到 %2</translation>
    </message>
    <message>
        <source>an unsaved model</source>
        <translation>未保存的模型</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <source>Valuation Workbench did not close normally. Unsaved changes to %1 were autosaved at %2. Restore them?</source>
        <translation>估值工作台上次未正常关闭。对 %1 的未保存修改已于 %2 自动保存。是否恢复？</translation>
    </message>
    <message>
        <source>%1 more recovery files are kept; they are offered at the next start.</source>
        <translation>另有 %1 个恢复文件已保留，下次启动时再提供恢复。</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
</context>
<context>
    <name>HeaderWidget</name>
    <message>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <source>Share price</source>
        <translation>当前股价</translation>
    </message>
    <message>
        <source>Market cap</source>
        <translation>总市值</translation>
    </message>
    <message>
        <source>PE-TTM</source>
        <translation>PE-TTM</translation>
    </message>
    <message>
        <source>PB-MRQ</source>
        <translation>PB-MRQ</translation>
    </message>
    <message>
        <source>DDM valuation</source>
        <translation>DDM 估值</translation>
    </message>
    <message>
        <source>Dynamic valuation</source>
        <translation>动态估值</translation>
    </message>
    <message>
        <source>Upside</source>
        <translation>上行空间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>无效</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>The sensitivity panel is unavailable: %1</source>
        <translation>敏感性分析面板不可用：%1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export tables to CSV…</source>
        <translation>导出表格为 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Autosave interval…</source>
        <translation>自动保存间隔(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;About Valuation Workbench</source>
        <translation>关于估值工作台(&amp;A)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>敏感性分析</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Autosaved to the recovery file</source>
        <translation>已自动保存到恢复文件</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Autosave</source>
        <translation>自动保存</translation>
    </message>
    <message>
        <source>Minutes between autosaves (0 = off):</source>
        <translation>自动保存间隔分钟数（0 = 关闭）：</translation>
    </message>
    <message>
        <source>About Valuation Workbench</source>
        <translation>关于估值工作台</translation>
    </message>
    <message>
        <source>&lt;b&gt;估值工作台 Valuation Workbench&lt;/b&gt;&lt;br&gt;Engine version %1&lt;br&gt;Segment forecasts, DDM and dynamic valuation, offline.</source>
        <translation>&lt;b&gt;估值工作台 Valuation Workbench&lt;/b&gt;&lt;br&gt;引擎版本 %1&lt;br&gt;分业务业绩预测、DDM 估值与动态估值，离线运行。</translation>
    </message>
</context>
<context>
    <name>MessagesPanel</name>
    <message>
        <source>Warnings from the engine, then refused edits and file events</source>
        <translation>引擎警告，以及被拒绝的编辑和文件事件</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Valuation</source>
        <extracomment>The pages after the valuation page, in tab order.</extracomment>
        <translation>估值</translation>
    </message>
</context>
<context>
    <name>SpreadsheetView</name>
    <message>
        <source>This cell is read-only.</source>
        <translation>此单元格为只读。</translation>
    </message>
</context>
<context>
    <name>ValuationPage</name>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Add segment</source>
        <translation>添加业务(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Rename segment…</source>
        <translation>重命名业务(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;move segment</source>
        <translation>删除业务(&amp;M)</translation>
    </message>
    <message>
        <source>Move segment &amp;up</source>
        <translation>业务上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move segment &amp;down</source>
        <translation>业务下移(&amp;D)</translation>
    </message>
    <message>
        <source>Add &amp;estimate year</source>
        <translation>添加预测年度(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Segments</source>
        <translation>业务(&amp;S)</translation>
    </message>
    <message>
        <source>Segment forecasts (A = actual, E = estimate)</source>
        <translation>分业务业绩预测（A = 实际，E = 预测）</translation>
    </message>
    <message>
        <source>Company totals</source>
        <translation>公司整体业绩预测</translation>
    </message>
    <message>
        <source>Valuation parameters by segment</source>
        <translation>分业务估值参数</translation>
    </message>
    <message>
        <source>Company and market</source>
        <translation>公司与市场</translation>
    </message>
    <message>
        <source>DDM valuation</source>
        <translation>DDM 估值</translation>
    </message>
    <message>
        <source>Dynamic valuation</source>
        <translation>动态估值</translation>
    </message>
    <message>
        <source>New segment %1</source>
        <translation>新业务 %1</translation>
    </message>
    <message>
        <source>Add segment</source>
        <translation>添加业务</translation>
    </message>
    <message>
        <source>Remove segment %1</source>
        <translation>删除业务 %1</translation>
    </message>
    <message>
        <source>Rename segment</source>
        <translation>重命名业务</translation>
    </message>
    <message>
        <source>Segment name:</source>
        <translation>业务名称：</translation>
    </message>
    <message>
        <source>Move segment</source>
        <translation>移动业务</translation>
    </message>
    <message>
        <source>Add estimate year</source>
        <translation>添加预测年度</translation>
    </message>
</context>
</TS>
