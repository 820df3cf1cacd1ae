<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Empty input; the old value is kept.</source>
        <extracomment>What :meth:`GridTableModel.parse` gives for an emptied cell whose value may be absent (an override, a history figure): the stored value is removed.</extracomment>
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
        <source>%1 cell(s) must hold a value and were left as they were</source>
        <translation>%1 个单元格必须有值，保持不变</translation>
    </message>
    <message>
        <source>%1 computed (read-only) cell(s) were left as they were</source>
        <translation>%1 个计算（只读）单元格保持不变</translation>
    </message>
    <message>
        <source>Delete at %1: %2.</source>
        <translation>删除于 %1：%2。</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>清除 %1</translation>
    </message>
    <message>
        <source>Clear %1 cells</source>
        <translation>清除 %1 个单元格</translation>
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
        <source>Operating net profit attributable (%1)</source>
        <translation>经营性归母净利润(%1)</translation>
    </message>
    <message>
        <source>Operating net profit attributable growth</source>
        <translation>经营性归母净利润增速</translation>
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
        <source>Market cap (%1)</source>
        <translation>总市值(%1)</translation>
    </message>
    <message>
        <source>%1 value (%2)</source>
        <translation>%1 价值(%2)</translation>
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
        <source>segment %1</source>
        <translation>业务 %1</translation>
    </message>
    <message>
        <source>%1 (and %2 more)</source>
        <translation>%1（另有 %2 项）</translation>
    </message>
    <message>
        <source>scenario %1</source>
        <translation>情景 %1</translation>
    </message>
    <message>
        <source>scenario “%1”</source>
        <translation>情景“%1”</translation>
    </message>
    <message>
        <source>the scenarios are not a list</source>
        <translation>情景不是一个列表</translation>
    </message>
    <message>
        <source>%1 is not an object with a name, a note and changes</source>
        <translation>%1 不是含名称、备注和改动的对象</translation>
    </message>
    <message>
        <source>%1 has no name (a scenario needs one)</source>
        <translation>%1 没有名称（情景需要名称）</translation>
    </message>
    <message>
        <source>two scenarios are named “%1”</source>
        <translation>有两个情景都叫“%1”</translation>
    </message>
    <message>
        <source>%1: the note is not text</source>
        <translation>%1：备注不是文本</translation>
    </message>
    <message>
        <source>%1: its changes are not a list of keys and values</source>
        <translation>%1：其改动不是由键和值组成的列表</translation>
    </message>
    <message>
        <source>%1, change %2: a change needs a key path and a value</source>
        <translation>%1第 %2 项改动：改动需要键路径和值</translation>
    </message>
    <message>
        <source>%1, change %2: %3 is not a value of the model that a scenario can change</source>
        <translation>%1第 %2 项改动：%3 不是模型中情景可以改动的值</translation>
    </message>
    <message>
        <source>%1: %2 is changed twice (changes %3 and %4)</source>
        <translation>%1：%2 被改动了两次（第 %3 项和第 %4 项改动）</translation>
    </message>
    <message>
        <source>%1, change %2: %3 must be a number</source>
        <translation>%1第 %2 项改动：%3 必须是数字</translation>
    </message>
    <message>
        <source>there is no scenario named “%1”</source>
        <translation>没有名为“%1”的情景</translation>
    </message>
    <message>
        <source>a scenario needs a name</source>
        <translation>情景需要一个名称</translation>
    </message>
    <message>
        <source>a scenario named “%1” exists already</source>
        <translation>名为“%1”的情景已存在</translation>
    </message>
    <message>
        <source>scenario “%1”: its changes are not a list of keys and values</source>
        <translation>情景“%1”：其改动不是由键和值组成的列表</translation>
    </message>
    <message>
        <source>scenario “%1”, change %2: %3 is not a value of the model that a scenario can change</source>
        <translation>情景“%1”第 %2 项改动：%3 不是模型中情景可以改动的值</translation>
    </message>
    <message>
        <source>scenario “%1”, change %2: %3 must be a number</source>
        <translation>情景“%1”第 %2 项改动：%3 必须是数字</translation>
    </message>
    <message>
        <source>scenario “%1”: %2</source>
        <translation>情景“%1”：%2</translation>
    </message>
    <message>
        <source>the list of scenarios would break a rule: %1</source>
        <translation>情景列表将违反规则：%1</translation>
    </message>
    <message>
        <source>a scenario cannot change the years: the base has %1, the inputs %2</source>
        <translation>情景不能改变年份：基准为 %1，当前输入为 %2</translation>
    </message>
    <message>
        <source>a scenario cannot change the first forecast year: the base has %1, the inputs %2</source>
        <translation>情景不能改变首个预测年份：基准为 %1，当前输入为 %2</translation>
    </message>
    <message>
        <source>a scenario cannot add or remove segments: the base has %1, the inputs have %2; switch to the base or save the file first</source>
        <translation>情景不能增加或删除业务：基准有 %1 个业务，当前输入有 %2 个；请先切换回基准或保存文件</translation>
    </message>
    <message>
        <source>a scenario cannot add or remove parts of the model (%1)</source>
        <translation>情景不能增加或删除模型的组成部分（%1）</translation>
    </message>
    <message>
        <source>a scenario cannot replace the whole model</source>
        <translation>情景不能替换整个模型</translation>
    </message>
    <message>
        <source>the two versions have different years: A %1, B %2</source>
        <translation>两个版本的年份不同：A 为 %1，B 为 %2</translation>
    </message>
    <message>
        <source>the two versions have different first forecast years: A %1, B %2</source>
        <translation>两个版本的首个预测年份不同：A 为 %1，B 为 %2</translation>
    </message>
    <message>
        <source>the two versions have different segments: A has %1, B has %2 (segments are compared by position)</source>
        <translation>两个版本的业务不同：A 有 %1 个业务，B 有 %2 个（业务按位置对应比较）</translation>
    </message>
    <message>
        <source>%1 input groups differ, more than the joint split can value (%2)</source>
        <translation>%1 组输入不同，超过联合拆分可计算的上限（%2）</translation>
    </message>
    <message>
        <source>DDM</source>
        <translation>DDM</translation>
    </message>
    <message>
        <source>dynamic</source>
        <translation>动态估值</translation>
    </message>
    <message>
        <source>B&apos;s %1 with A&apos;s other inputs</source>
        <translation>B 的%1加上 A 的其余输入</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>A&apos;s inputs</source>
        <translation>A 的输入</translation>
    </message>
    <message>
        <source>the discount rate of %1 (%2) is not above its terminal growth (%3)</source>
        <translation>%1 的贴现率（%2）不高于其永续增长率（%3）</translation>
    </message>
    <message>
        <source>the value of %1 is too large to compute</source>
        <translation>%1 的价值过大，无法计算</translation>
    </message>
    <message>
        <source>the %1 split is undefined: with %2, %3</source>
        <translation>%1 拆分无法定义：在“%2”这一组合下，%3</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>文件夹不存在</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>路径中有一部分不是文件夹</translation>
    </message>
    <message>
        <source>permission denied: you may not write there</source>
        <translation>没有权限：不能在此处写入</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>磁盘为只读</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>磁盘配额已用完</translation>
    </message>
    <message>
        <source>a file of that name is in the way</source>
        <translation>已有同名文件挡在那里</translation>
    </message>
    <message>
        <source>it cannot be written: %1</source>
        <translation>无法写入：%1</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>“%1”：%2</translation>
    </message>
    <message>
        <source>the cell is empty</source>
        <translation>单元格为空</translation>
    </message>
    <message>
        <source>not a readable CSV table</source>
        <translation>不是可读取的 CSV 表格</translation>
    </message>
    <message>
        <source>no table found (no row with two or more cells)</source>
        <translation>找不到表格（没有一行含两个或更多单元格）</translation>
    </message>
    <message>
        <source>no annual segment rows (报告日期 …-12-31) to import</source>
        <translation>没有可导入的年度业务行（报告日期 …-12-31）</translation>
    </message>
    <message>
        <source>the sources hold no annual revenue or segment figures to build a model from</source>
        <translation>来源中没有可用于建立模型的年度营业收入或业务数据</translation>
    </message>
    <message>
        <source>segment net profits are not in the sources: they start at 0; set them (until then the company&apos;s reported net profit sits in non-operating profit)</source>
        <translation>来源中没有各业务的净利润：先记为 0，请自行填写（在此之前，公司报告的净利润计入非经营性利润）</translation>
    </message>
    <message>
        <source>%1 is not the end of a quarter (03-31, 06-30, 09-30 or 12-31)</source>
        <translation>%1 不是季末日期（03-31、06-30、09-30 或 12-31）</translation>
    </message>
    <message>
        <source>the model&apos;s unit %1 is not a money unit the import knows (元, 千元, 万元, 百万元, 亿元)</source>
        <translation>模型的单位 %1 不是导入功能认识的金额单位（元、千元、万元、百万元、亿元）</translation>
    </message>
    <message>
        <source>the file is %1 MB, larger than a statement export can be</source>
        <translation>文件大小为 %1 MB，超出财报导出文件可能的大小</translation>
    </message>
    <message>
        <source>unknown segment item %1; use revenue (营业收入), net_profit (净利润) or gross_profit (毛利)</source>
        <translation>未知的业务项目 %1；请使用 营业收入、净利润 或 毛利</translation>
    </message>
    <message>
        <source>unknown item %1: neither a company item of the template nor a history metric</source>
        <translation>未知的项目 %1：既不是模板中的公司项目，也不是历史指标</translation>
    </message>
    <message>
        <source>%1 is a ratio: its unit is empty (a decimal) or %, found %2</source>
        <translation>%1 是比率：单位应为空（小数）或 %，实际为 %2</translation>
    </message>
    <message>
        <source>shares need a unit (股, 万股 or 亿股), found %1</source>
        <translation>股本需要单位（股、万股 或 亿股），实际为 %1</translation>
    </message>
    <message>
        <source>the price is in 元 per share, found the unit %1</source>
        <translation>股价以 元/股 计，实际单位为 %1</translation>
    </message>
    <message>
        <source>no statement rows to import (only rows of other report types than the consolidated statement)</source>
        <translation>没有可导入的报表行（只有合并报表以外的报表类型）</translation>
    </message>
    <message>
        <source>no statement rows to import</source>
        <translation>没有可导入的报表行</translation>
    </message>
    <message>
        <source>the share price</source>
        <translation>股价</translation>
    </message>
    <message>
        <source>the share count</source>
        <translation>总股本</translation>
    </message>
    <message>
        <source>%1 must be a number greater than 0</source>
        <translation>%1 必须是大于 0 的数字</translation>
    </message>
    <message>
        <source>%1: %2 %3 %4 appears in rows %5 and %6; the later row is used</source>
        <translation>%1：%2 %3 %4 出现在第 %5 行和第 %6 行；采用后一行</translation>
    </message>
    <message>
        <source>%1: %2 rows of interim periods left out: segment actuals are annual</source>
        <translation>%1：略去 %2 行中期数据（业务历史数据按年度）</translation>
    </message>
    <message>
        <source>%1: %2 appears %3 times; kept row %4 (the latest revision)</source>
        <translation>%1：%2 出现 %3 次；保留第 %4 行（最新修订）</translation>
    </message>
    <message>
        <source>%1: skipped %2 rows that are not the consolidated statement</source>
        <translation>%1：跳过 %2 行非合并报表数据</translation>
    </message>
    <message>
        <source>%1 %2: %3 replaces the figure from %4</source>
        <translation>%1 %2：%3 的数字取代了 %4 的数字</translation>
    </message>
    <message>
        <source>%1: no trailing twelve months (they need %2 and %3); the financials are left as they are</source>
        <translation>%1：无法计算滚动十二个月（需要 %2 和 %3）；财务数据保持不变</translation>
    </message>
    <message>
        <source>segment figures for %1 left out: they are not actual years of the model</source>
        <translation>略去 %1 的业务数据：这些年份不是模型的历史年份</translation>
    </message>
    <message>
        <source>%1: no such file or folder</source>
        <translation>%1：没有这样的文件或文件夹</translation>
    </message>
    <message>
        <source>it is not UTF-8 text (byte %1 cannot be read)</source>
        <translation>不是 UTF-8 文本（第 %1 个字节无法读取）</translation>
    </message>
    <message>
        <source>expected ticker,price or ticker,price,date; found %1 cells</source>
        <translation>应为“代码,价格”或“代码,价格,日期”，实际有 %1 个单元格</translation>
    </message>
    <message>
        <source>the ticker is empty</source>
        <translation>股票代码为空</translation>
    </message>
    <message>
        <source>the price %1 is not a number</source>
        <translation>价格 %1 不是数字</translation>
    </message>
    <message>
        <source>the price must be greater than 0; found %1</source>
        <translation>价格必须大于 0，实际为 %1</translation>
    </message>
    <message>
        <source>the date %1 is not a date such as 2025-06-30</source>
        <translation>日期 %1 不是 2025-06-30 这样的日期</translation>
    </message>
    <message>
        <source>%1 has a second price (%2; line %3 says %4) and no later date to choose by</source>
        <translation>%1 有第二个价格（%2；第 %3 行为 %4），且没有更晚的日期可据以选择</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Dynamic</source>
        <translation>动态估值</translation>
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
        <source>Forecast-
period
value</source>
        <translation>预测期
价值</translation>
    </message>
    <message>
        <source>Equity
invest-
ments</source>
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
        <source>Justified
multiple</source>
        <translation>合理
倍数</translation>
    </message>
    <message>
        <source>Multiple
used</source>
        <translation>采用
倍数</translation>
    </message>
    <message>
        <source>Earnings
base</source>
        <translation>有效盈利
预测</translation>
    </message>
    <message>
        <source>Explicit-
period
value</source>
        <translation>显性期
价值</translation>
    </message>
    <message>
        <source>Post-
explicit
value</source>
        <translation>显性期后
价值</translation>
    </message>
    <message>
        <source>Composite</source>
        <translation>综合</translation>
    </message>
    <message>
        <source>Justified</source>
        <translation>合理</translation>
    </message>
    <message>
        <source>“%1” is not a multiple mode; type %2 or %3</source>
        <translation>“%1”不是倍数模式；请输入“%2”或“%3”</translation>
    </message>
    <message>
        <source>Use the %1 multiple for %2</source>
        <translation>%2 采用%1倍数</translation>
    </message>
    <message>
        <source>The multiple this segment&apos;s dynamic value uses: composite (the segment&apos;s own multiple) or justified (the DDM&apos;s post-explicit value over the earnings base, times the structure and moat-durability factors). Right-click to switch.</source>
        <translation>本业务动态估值采用的倍数：综合（本业务自身的综合倍数）或合理（DDM 显性期后价值除以有效盈利预测，再乘以产业格局和护城河持续性系数）。右键单击可切换。</translation>
    </message>
    <message>
        <source>NM: the earnings base is not positive</source>
        <translation>无意义：有效盈利预测不为正</translation>
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
        <source>a model needs at least one segment: the last one cannot be removed</source>
        <translation>模型至少需要一个业务：不能删除最后一个业务</translation>
    </message>
    <message>
        <source>a segment needs a name</source>
        <translation>业务需要名称</translation>
    </message>
    <message>
        <source>must be a year from %1 to %2; found %3</source>
        <translation>须为 %1 至 %2 之间的年份，实为 %3</translation>
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
        <source>must be 0 or more</source>
        <translation>须为 0 或更大</translation>
    </message>
    <message>
        <source>must be at least the low value</source>
        <translation>须不小于下限</translation>
    </message>
    <message>
        <source>must lie from the low to the high value</source>
        <translation>须介于下限与上限之间</translation>
    </message>
    <message>
        <source>must be a consistent rank correlation matrix: values from −1 to 1, symmetric, 1 on the diagonal, no driver an exact combination of the others</source>
        <translation>须为自洽的秩相关矩阵：取值在 −1 到 1 之间、对称、对角线为 1，且任何驱动因素都不能是其他因素的精确组合</translation>
    </message>
    <message>
        <source>(segment %1) is a segment the model would no longer have (it would have %2): scope the driver to every segment or to another segment first</source>
        <translation>（业务 %1）是模型将不再拥有的业务（模型将只有 %2 个业务）：请先把该驱动因素的适用范围改为所有业务或其他业务</translation>
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
        <source>The values are too large to compute: check the growth rates and margins.</source>
        <translation>数值过大，无法计算：请检查增速与利润率。</translation>
    </message>
    <message>
        <source>The DDM value is %1, more than %2 times the market cap (%3): check the price, the share count and their units.</source>
        <translation>DDM 估值为 %1，超过总市值（%3）的 %2 倍：请检查股价、股本及其单位。</translation>
    </message>
    <message>
        <source>The dynamic value is %1, more than %2 times the market cap (%3): check the price, the share count and their units.</source>
        <translation>动态估值为 %1，超过总市值（%3）的 %2 倍：请检查股价、股本及其单位。</translation>
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
    <message>
        <source>it is an Excel workbook (.xlsx), not a model file</source>
        <translation>这是 Excel 工作簿（.xlsx），不是模型文件</translation>
    </message>
    <message>
        <source>it is an Excel workbook (.xls) or another Office document, not a model file</source>
        <translation>这是 Excel 工作簿（.xls）或其他 Office 文档，不是模型文件</translation>
    </message>
    <message>
        <source>it is a ZIP archive, not a model file</source>
        <translation>这是 ZIP 压缩包，不是模型文件</translation>
    </message>
    <message>
        <source>it is a CSV table, not a model file</source>
        <translation>这是 CSV 表格，不是模型文件</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>这是文件夹，不是文件</translation>
    </message>
    <message>
        <source>it is a named pipe (FIFO), not a regular file</source>
        <translation>这是命名管道（FIFO），不是普通文件</translation>
    </message>
    <message>
        <source>it is a device, not a regular file</source>
        <translation>这是设备，不是普通文件</translation>
    </message>
    <message>
        <source>it is a socket, not a regular file</source>
        <translation>这是套接字，不是普通文件</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>the file does not exist (a part of the path is not a folder)</source>
        <translation>文件不存在（路径中有一段不是文件夹）</translation>
    </message>
    <message>
        <source>permission denied: you may not read this file</source>
        <translation>权限不足：无权读取此文件</translation>
    </message>
    <message>
        <source>the model&apos;s years</source>
        <translation>模型的年份</translation>
    </message>
    <message>
        <source>the first forecast year</source>
        <translation>首个预测年份</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>须为整数</translation>
    </message>
    <message>
        <source>must be a year (a whole number)</source>
        <translation>须为年份（整数）</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>须为文本</translation>
    </message>
    <message>
        <source>must be a group of keys (a JSON object)</source>
        <translation>须为一组键值（JSON 对象）</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>须为列表</translation>
    </message>
    <message>
        <source>the file has the text “%1”</source>
        <translation>文件中为文字“%1”</translation>
    </message>
    <message>
        <source>the file has true or false</source>
        <translation>文件中为 true 或 false</translation>
    </message>
    <message>
        <source>the file has null (no value)</source>
        <translation>文件中为 null（无值）</translation>
    </message>
    <message>
        <source>the file has a list</source>
        <translation>文件中为列表</translation>
    </message>
    <message>
        <source>the file has a group of keys</source>
        <translation>文件中为一组键值</translation>
    </message>
    <message>
        <source>the file has a number</source>
        <translation>文件中为数字</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>too many levels of symbolic links</source>
        <translation>符号链接层数过多</translation>
    </message>
    <message>
        <source>the path is too long</source>
        <translation>路径过长</translation>
    </message>
    <message>
        <source>; a model file is the JSON that Save writes (.vwm.json)</source>
        <translation>；模型文件是“保存”写出的 JSON 文件（.vwm.json）</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>这不是普通文件</translation>
    </message>
    <message>
        <source>it cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>it is not UTF-8 text (byte %1); a model file is the JSON that Save writes</source>
        <translation>不是 UTF-8 文本（第 %1 字节）；模型文件是“保存”写出的 JSON 文件</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>it is not valid JSON: the text breaks off or goes wrong at line %1, column %2</source>
        <translation>不是有效的 JSON：文本在第 %1 行第 %2 列处中断或出错</translation>
    </message>
    <message>
        <source>it is not valid JSON</source>
        <translation>不是有效的 JSON</translation>
    </message>
    <message>
        <source>it is not valid JSON: a number with thousands of digits</source>
        <translation>不是有效的 JSON：含有上千位数字的数</translation>
    </message>
    <message>
        <source>it is nested too deeply to be a model</source>
        <translation>嵌套层数过深，不可能是模型</translation>
    </message>
    <message>
        <source>the key “%1” appears twice in one object; which one is meant is unclear</source>
        <translation>键“%1”在同一对象中出现两次，无法确定以哪个为准</translation>
    </message>
    <message>
        <source>the file grew beyond %1 MB while it was read</source>
        <translation>文件在读取期间增长到超过 %1 MB</translation>
    </message>
    <message>
        <source>the file is %1 MB; a model file has at most %2 MB</source>
        <translation>文件大小为 %1 MB；模型文件最大 %2 MB</translation>
    </message>
    <message>
        <source>the document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>%1 is missing (it is required)</source>
        <translation>缺少 %1（必填）</translation>
    </message>
    <message>
        <source>it is not a Valuation Workbench model (its “format” key says otherwise)</source>
        <translation>这不是估值工作台模型（其“format”键不符）</translation>
    </message>
    <message>
        <source>%1 holds more than a model can: %2</source>
        <translation>%1 超出模型容量：%2</translation>
    </message>
    <message>
        <source>%1 has the wrong kind of value: %2</source>
        <translation>%1 的取值类型不对：%2</translation>
    </message>
    <message>
        <source>it was written by a newer version of Valuation Workbench; open it there</source>
        <translation>它由更新版本的估值工作台写成；请用新版本打开</translation>
    </message>
    <message>
        <source>Cannot open “%1”: %2.</source>
        <translation>无法打开“%1”：%2。</translation>
    </message>
    <message>
        <source>Cannot open “%1”: it was written by a newer version of Valuation Workbench; open it there. The file was not changed.</source>
        <translation>无法打开“%1”：该文件由更新版本的估值工作台写入，请用新版本打开。文件未被改动。</translation>
    </message>
    <message>
        <source>Cannot open “%1”: %2</source>
        <translation>无法打开“%1”：%2</translation>
    </message>
    <message>
        <source>Cannot open “%1”: the model breaks these rules:</source>
        <translation>无法打开“%1”：模型违反以下规则：</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……另有 %1 项</translation>
    </message>
</context>
<context>
    <name>AnalysisFeed</name>
    <message>
        <source>the model is invalid</source>
        <extracomment>A kind&apos;s result arrived, or the model changed so it is being replaced: (kind,). The runs start this long after the last edit (a burst of edits starts one run, at its end); 0: at once. A synchronous runner never waits.</extracomment>
        <translation>模型无效</translation>
    </message>
    <message>
        <source>Monte Carlo</source>
        <translation>蒙特卡洛模拟</translation>
    </message>
    <message>
        <source>What the price implies</source>
        <translation>价格隐含</translation>
    </message>
    <message>
        <source>Reverse solve</source>
        <translation>反向求解</translation>
    </message>
</context>
<context>
    <name>AnalysisPage</name>
    <message>
        <source>DDM</source>
        <translation>DDM</translation>
    </message>
    <message>
        <source>Dynamic valuation</source>
        <translation>动态估值</translation>
    </message>
    <message>
        <source>No valid draw</source>
        <translation>没有有效抽样</translation>
    </message>
    <message>
        <source>Market cap %1</source>
        <translation>市值 %1</translation>
    </message>
    <message>
        <source>Model value %1</source>
        <translation>模型估值 %1</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>估值方法</translation>
    </message>
    <message>
        <source>What the price implies: each driver&apos;s value at the market cap, and where the status changes</source>
        <translation>价格隐含：各驱动因素在当前市值下的取值，以及估值状态的分界点</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <source>No simulation yet</source>
        <translation>尚未模拟</translation>
    </message>
    <message>
        <source>%1 draws (seed %2): no valid draw</source>
        <translation>%1 次抽样（种子 %2）：没有有效抽样</translation>
    </message>
    <message>
        <source>%1 draws (seed %2), %3 invalid · mean %4 %5 · SD %6 · 5%–95%: %7 – %8 · P(value &gt; market cap) %9</source>
        <translation>%1 次抽样（种子 %2），无效 %3 次 · 均值 %4 %5 · 标准差 %6 · 5%–95%：%7 – %8 · P(估值 &gt; 市值) %9</translation>
    </message>
    <message>
        <source>%1: Monte Carlo distribution of value</source>
        <translation>%1：估值的蒙特卡洛分布</translation>
    </message>
    <message>
        <source>Value (%1)</source>
        <translation>估值（%1）</translation>
    </message>
    <message>
        <source>Share of draws</source>
        <translation>抽样占比</translation>
    </message>
    <message>
        <source>Probability of each status</source>
        <translation>各估值状态的概率</translation>
    </message>
    <message>
        <source>Rank correlation with the value</source>
        <translation>与估值的秩相关系数</translation>
    </message>
</context>
<context>
    <name>AnalysisText</name>
    <message>
        <source>Net margin</source>
        <translation>净利率</translation>
    </message>
    <message>
        <source>Price implies discount rate %1</source>
        <translation>价格隐含贴现率 %1</translation>
    </message>
    <message>
        <source>Price implies terminal growth %1</source>
        <translation>价格隐含永续增长率 %1</translation>
    </message>
    <message>
        <source>Price implies fade growth %1</source>
        <translation>价格隐含半显性期增速 %1</translation>
    </message>
    <message>
        <source>Price implies revenue growth %1</source>
        <translation>价格隐含收入增速 %1</translation>
    </message>
    <message>
        <source>Price implies net margin %1</source>
        <translation>价格隐含净利率 %1</translation>
    </message>
    <message>
        <source>Price implies ROE %1</source>
        <translation>价格隐含 ROE %1</translation>
    </message>
    <message>
        <source>Price implies multiple %1</source>
        <translation>价格隐含倍数 %1</translation>
    </message>
    <message>
        <source>Price implies excess cash %1</source>
        <translation>价格隐含超额现金 %1</translation>
    </message>
    <message>
        <source>no effect</source>
        <translation>不影响该方法</translation>
    </message>
    <message>
        <source>out of reach</source>
        <translation>无法达到</translation>
    </message>
    <message>
        <source>more than one answer</source>
        <translation>解不唯一</translation>
    </message>
    <message>
        <source>did not converge</source>
        <translation>未收敛</translation>
    </message>
    <message>
        <source>%1 pp</source>
        <translation>%1 个百分点</translation>
    </message>
    <message>
        <source>none (%1)</source>
        <translation>无（%1）</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Explicit-period value</source>
        <extracomment>Labels of value-table columns and company items (context &quot;AuditPage&quot;).</extracomment>
        <translation>显性期价值</translation>
    </message>
    <message>
        <source>Fade-period value</source>
        <translation>半显性期价值</translation>
    </message>
    <message>
        <source>Forecast-period value</source>
        <translation>预测期价值</translation>
    </message>
    <message>
        <source>Perpetual value</source>
        <translation>永续期价值</translation>
    </message>
    <message>
        <source>Business value</source>
        <translation>业务价值</translation>
    </message>
    <message>
        <source>Earnings base</source>
        <translation>有效盈利预测</translation>
    </message>
    <message>
        <source>Composite multiple</source>
        <translation>综合倍数</translation>
    </message>
    <message>
        <source>Post-explicit value</source>
        <translation>显性期后价值</translation>
    </message>
    <message>
        <source>Excess cash</source>
        <translation>超额现金</translation>
    </message>
    <message>
        <source>Minority interest</source>
        <translation>少数股东权益</translation>
    </message>
    <message>
        <source>Equity investments</source>
        <translation>股权投资</translation>
    </message>
    <message>
        <source>Not located (segments not broken down, rounding)</source>
        <translation>未定位（未分业务列示的部分、四舍五入）</translation>
    </message>
    <message>
        <source>Total value</source>
        <translation>总价值</translation>
    </message>
    <message>
        <source>Market capitalization</source>
        <translation>总市值</translation>
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
        <source>Segment:</source>
        <translation>业务：</translation>
    </message>
    <message>
        <source>DDM schedule, year by year</source>
        <translation>DDM 逐年明细</translation>
    </message>
    <message>
        <source>The schedule&apos;s sums beside the DDM value table</source>
        <translation>明细合计与 DDM 估值表对照</translation>
    </message>
    <message>
        <source>Dynamic valuation, step by step</source>
        <translation>动态估值逐步计算</translation>
    </message>
    <message>
        <source>The report&apos;s published figures beside ours</source>
        <translation>研报公布数字与本模型对照</translation>
    </message>
    <message>
        <source>The model is invalid: nothing to audit.</source>
        <translation>模型无效：无可核对内容。</translation>
    </message>
    <message>
        <source>Discount rate r %1 · ROE %2 · fade growth %3 for %4 years · terminal growth %5 · base year %6. Terminal value = dividend %7 / (r − g) %8 = %9 at the end of the fade.</source>
        <translation>贴现率 r %1 · ROE %2 · 半显性期增速 %3，共 %4 年 · 永续增速 %5 · 基准年 %6。终值 = 股利 %7 / (r − g) %8 = %9（半显性期末）。</translation>
    </message>
    <message>
        <source>Money in %1. Every figure is the engine&apos;s; the sums are the value tables&apos; to the last digit shown.</source>
        <translation>金额单位：%1。所有数字均来自估值引擎；各项合计与估值表在显示精度内完全一致。</translation>
    </message>
    <message>
        <source>This model quotes no published figures (reference).</source>
        <translation>本模型未引用任何公布数字（reference）。</translation>
    </message>
    <message>
        <source>not named</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>Source: %1. Difference = ours − report.</source>
        <translation>来源：%1。差额 = 本模型 − 研报。</translation>
    </message>
</context>
<context>
    <name>CoveragePage</name>
    <message>
        <source>Open folder…</source>
        <translation>打开文件夹…</translation>
    </message>
    <message>
        <source>Import prices…</source>
        <translation>导入股价…</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Company or ticker</source>
        <translation>公司或股票代码</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Not valued</source>
        <translation>未能估值</translation>
    </message>
    <message>
        <source>by either method</source>
        <translation>任一方法</translation>
    </message>
    <message>
        <source>by DDM</source>
        <translation>按 DDM</translation>
    </message>
    <message>
        <source>by dynamic valuation</source>
        <translation>按动态估值</translation>
    </message>
    <message>
        <source>Coverage folder “%1”: %2</source>
        <translation>覆盖文件夹“%1”：%2</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖池</translation>
    </message>
    <message>
        <source>Cannot import the prices “%1”: %2</source>
        <translation>无法导入股价文件“%1”：%2</translation>
    </message>
    <message>
        <source>No coverage folder open: choose one with Open folder…</source>
        <translation>尚未打开覆盖文件夹：请用“打开文件夹…”选择</translation>
    </message>
    <message>
        <source>Looking for model files…</source>
        <translation>正在查找模型文件…</translation>
    </message>
    <message>
        <source>Valuing: %1 of %2 files</source>
        <translation>正在估值：%1 / %2 个文件</translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 files valued</source>
        <translation>已取消：%2 个文件中已估值 %1 个</translation>
    </message>
    <message>
        <source>%1 files: %2 valued, %3 not valued.</source>
        <translation>共 %1 个文件：%2 个已估值，%3 个未能估值。</translation>
    </message>
    <message>
        <source>Tickers in more than one file: %1.</source>
        <translation>在多个文件中出现的代码：%1。</translation>
    </message>
    <message>
        <source>Prices from %1 (%2 tickers).</source>
        <translation>股价来自 %1（%2 个代码）。</translation>
    </message>
    <message>
        <source>Tickers matching no model: %1.</source>
        <translation>没有对应模型的代码：%1。</translation>
    </message>
    <message>
        <source>Models without a price (shown at the price in their file): %1.</source>
        <translation>没有导入股价的模型（按文件中的股价显示）：%1。</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 等，另有 %2 个</translation>
    </message>
</context>
<context>
    <name>CoverageTableModel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
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
        <source>Share price</source>
        <translation>当前股价</translation>
    </message>
    <message>
        <source>Market cap</source>
        <translation>总市值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>DDM value</source>
        <translation>DDM 估值</translation>
    </message>
    <message>
        <source>DDM upside</source>
        <translation>DDM 上行空间</translation>
    </message>
    <message>
        <source>DDM status</source>
        <translation>DDM 状态</translation>
    </message>
    <message>
        <source>Dynamic value</source>
        <translation>动态估值</translation>
    </message>
    <message>
        <source>Dynamic upside</source>
        <translation>动态上行空间</translation>
    </message>
    <message>
        <source>Dynamic status</source>
        <translation>动态状态</translation>
    </message>
    <message>
        <source>From the imported prices (%1)</source>
        <translation>来自导入的股价（%1）</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>not valued</source>
        <translation>未能估值</translation>
    </message>
</context>
<context>
    <name>CoverageTool</name>
    <message>
        <source>Open &amp;coverage folder…</source>
        <translation>打开覆盖文件夹(&amp;C)…</translation>
    </message>
    <message>
        <source>Import &amp;prices…</source>
        <translation>导入股价(&amp;P)…</translation>
    </message>
    <message>
        <source>Open coverage folder</source>
        <translation>打开覆盖文件夹</translation>
    </message>
    <message>
        <source>“%1” is not a folder.</source>
        <translation>“%1”不是文件夹。</translation>
    </message>
    <message>
        <source>Import prices (CSV: ticker,price[,date])</source>
        <translation>导入股价（CSV：代码,股价[,日期]）</translation>
    </message>
    <message>
        <source>Prices (*.csv);;All files (*)</source>
        <translation>股价 (*.csv);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>%1: %2 scenario change(s) referred to the removed segment and were taken out of their scenarios (Undo brings them back):</source>
        <translation>%1：%2 项情景改动指向被删除的业务，已从所属情景中移出（撤销可恢复）：</translation>
    </message>
    <message>
        <source>scenario &apos;%1&apos;: %2</source>
        <translation>情景“%1”：%2</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……另有 %1 项</translation>
    </message>
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
    <name>DossierEditor</name>
    <message>
        <source>Disclaimer</source>
        <translation>免责声明</translation>
    </message>
    <message>
        <source>Business description</source>
        <translation>业务描述</translation>
    </message>
    <message>
        <source>%1 (note)</source>
        <translation>%1（说明）</translation>
    </message>
    <message>
        <source>must be stars from 0 to 5 in steps of 0.5</source>
        <translation>须为 0 到 5 星，以 0.5 星为步长</translation>
    </message>
    <message>
        <source>must be a level from 1 (low) to 5 (high)</source>
        <translation>须为 1（低）到 5（高）的等级</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>须为文本</translation>
    </message>
    <message>
        <source>is not acceptable here</source>
        <translation>此处不可接受</translation>
    </message>
    <message>
        <source>%1 refused: %2 (got %3); the previous value is kept.</source>
        <translation>%1 被拒绝：%2（输入为 %3）；保留原值。</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
</context>
<context>
    <name>DynamicStepsTableModel</name>
    <message>
        <source>Glass box</source>
        <translation>明细计算</translation>
    </message>
    <message>
        <source>Value table</source>
        <translation>估值表</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Weight of %1E</source>
        <translation>%1E 权重</translation>
    </message>
    <message>
        <source>Earnings %1</source>
        <translation>%1 年盈利</translation>
    </message>
    <message>
        <source>Earnings base = w1·E1 + w2·E2</source>
        <translation>有效盈利 = w1·E1 + w2·E2</translation>
    </message>
    <message>
        <source>Discount rate</source>
        <translation>贴现率</translation>
    </message>
    <message>
        <source>Discount factor to %1</source>
        <translation>贴现至 %1 的系数</translation>
    </message>
    <message>
        <source>Post-explicit value = base × multiple × factor</source>
        <translation>显性期后价值 = 有效盈利 × 倍数 × 贴现系数</translation>
    </message>
    <message>
        <source>Explicit-period value (Σ DDM explicit rows)</source>
        <translation>显性期价值（DDM 显性期各行之和）</translation>
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
    <name>ExportReportDialog</name>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>PDF document (.pdf)</source>
        <translation>PDF 文档 (.pdf)</translation>
    </message>
    <message>
        <source>Web page, one file (.html)</source>
        <translation>网页，单个文件 (.html)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>HTML (*.html *.htm)</source>
        <translation>HTML (*.html *.htm)</translation>
    </message>
    <message>
        <source>a report is written as .pdf or .html</source>
        <translation>报告只能保存为 .pdf 或 .html</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>“%1”：%2</translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>报告未写出：%1</translation>
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
        <source>“%1”: %2</source>
        <translation>“%1”：%2</translation>
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
        <source>Report written to %1</source>
        <translation>研究报告已写入 %1</translation>
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
    <message>
        <source>Autosave</source>
        <translation>自动保存</translation>
    </message>
    <message>
        <source>Minutes between autosaves (0 = off):</source>
        <translation>自动保存间隔分钟数（0 = 关闭）：</translation>
    </message>
</context>
<context>
    <name>Groups</name>
    <message>
        <source>Growth</source>
        <translation>成长能力</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>利润率</translation>
    </message>
    <message>
        <source>Actuals</source>
        <translation>历史数据</translation>
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
        <source>Fade</source>
        <translation>衰减</translation>
    </message>
    <message>
        <source>Terminal growth</source>
        <translation>永续增长率</translation>
    </message>
    <message>
        <source>Multiple</source>
        <translation>倍数</translation>
    </message>
    <message>
        <source>Cash and claims</source>
        <translation>现金及权益调整</translation>
    </message>
    <message>
        <source>Company settings</source>
        <translation>公司设定</translation>
    </message>
</context>
<context>
    <name>HeaderAnalysis</name>
    <message>
        <source>Choose the driver whose price-implied value the header shows</source>
        <translation>选择表头显示其价格隐含值的驱动因素</translation>
    </message>
    <message>
        <source>P(%1) %2</source>
        <translation>P(%1) %2</translation>
    </message>
    <message>
        <source>Probability of “%1” in the latest Monte Carlo (%2 draws)</source>
        <translation>最近一次蒙特卡洛模拟（%2 次抽样）中“%1”的概率</translation>
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
        <source>Market cap (%1)</source>
        <translation>总市值(%1)</translation>
    </message>
    <message>
        <source>PE-TTM</source>
        <translation>PE-TTM</translation>
    </message>
    <message>
        <source>PS</source>
        <translation>PS</translation>
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
        <source>DDM valuation (%1)</source>
        <translation>DDM 估值(%1)</translation>
    </message>
    <message>
        <source>Dynamic valuation (%1)</source>
        <translation>动态估值(%1)</translation>
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
    <message>
        <source>Computed from the market cap and the company&apos;s latest reported figures (as on the Multiples page)</source>
        <translation>按总市值与公司最新报告期数据计算（与估值倍数页相同）</translation>
    </message>
    <message>
        <source>Quoted in the model file (market data). Computed from the market cap and the latest reported figures, as on the Multiples page: %1</source>
        <translation>模型文件中的报价（市场数据）。按总市值与最新报告期数据计算（估值倍数页所示）：%1</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Profitability</source>
        <translation>盈利能力</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>成长能力</translation>
    </message>
    <message>
        <source>Business control and financial health</source>
        <translation>业务控制力及财务健康</translation>
    </message>
    <message>
        <source>Shareholder return</source>
        <translation>股东回报</translation>
    </message>
    <message>
        <source>Operating margin</source>
        <translation>营业利润率</translation>
    </message>
    <message>
        <source>Net margin excl. non-recurring items</source>
        <translation>扣非净利率</translation>
    </message>
    <message>
        <source>ROE</source>
        <translation>ROE</translation>
    </message>
    <message>
        <source>ROIC</source>
        <translation>ROIC</translation>
    </message>
    <message>
        <source>Revenue growth</source>
        <translation>收入增速</translation>
    </message>
    <message>
        <source>Operating profit growth</source>
        <translation>营业利润增长率</translation>
    </message>
    <message>
        <source>Net profit growth</source>
        <translation>归母净利润增长率</translation>
    </message>
    <message>
        <source>Operating cash flow / revenue</source>
        <translation>经营现金流/营业收入</translation>
    </message>
    <message>
        <source>Net payables / total assets</source>
        <translation>净应付款/总资产</translation>
    </message>
    <message>
        <source>Payout ratio</source>
        <translation>分红率</translation>
    </message>
    <message>
        <source>R&amp;D / revenue</source>
        <translation>研发费用/营业收入</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>营业收入</translation>
    </message>
    <message>
        <source>Operating profit</source>
        <translation>营业利润</translation>
    </message>
    <message>
        <source>Net profit attributable</source>
        <translation>归母净利润</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>净资产</translation>
    </message>
    <message>
        <source>Operating cash flow</source>
        <translation>经营活动现金流</translation>
    </message>
    <message>
        <source>Dividends</source>
        <translation>分红</translation>
    </message>
    <message>
        <source>R&amp;D expense</source>
        <translation>研发费用</translation>
    </message>
    <message>
        <source>Derived from %1 in %2 and %3; type the raw figures to change it.</source>
        <translation>由%2年与%3年的%1推算；如需修改，请输入原始数据。</translation>
    </message>
    <message>
        <source>Derived from %1 ÷ %2 of %3; type the raw figures to change it.</source>
        <translation>由%3年的%1 ÷ %2推算；如需修改，请输入原始数据。</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Figures by year (blue: reported, editable; italic, dashed line, hollow point: derived from raw figures)</source>
        <translation>历年数据（蓝色：报告值，可编辑；斜体、虚线、空心点：由原始数据推算）</translation>
    </message>
</context>
<context>
    <name>ImpliedTableModel</name>
    <message>
        <source>Company</source>
        <extracomment>per row, per column: (text, value, tooltip), made once per result (paints only read them)</extracomment>
        <translation>公司</translation>
    </message>
    <message>
        <source>below: %1 · above: %2</source>
        <translation>低于此值：%1 · 高于此值：%2</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>驱动因素</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>At the price</source>
        <translation>按当前价格</translation>
    </message>
    <message>
        <source>Where the status changes from %1 to %2</source>
        <translation>估值状态由%1变为%2的位置</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import figures</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <source>New model from import</source>
        <translation>从导入新建模型</translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation>来源文件：%1</translation>
    </message>
    <message>
        <source>Amounts a file does not state are in:</source>
        <translation>文件未注明单位的金额单位：</translation>
    </message>
    <message>
        <source>Segments from 分类类型:</source>
        <translation>分部取自分类类型：</translation>
    </message>
    <message>
        <source>Company name:</source>
        <translation>公司名称：</translation>
    </message>
    <message>
        <source>Share price (元):</source>
        <translation>股价（元）：</translation>
    </message>
    <message>
        <source>Shares (model&apos;s share unit):</source>
        <translation>总股本（模型的股本单位）：</translation>
    </message>
    <message>
        <source>from the sources</source>
        <translation>取自来源文件</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Segments the model does not have (tick to add)</source>
        <translation>模型中没有的分部（勾选即添加）</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Create model</source>
        <translation>创建模型</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>%1: segments from 分类类型 %2</source>
        <translation>%1：分部取自分类类型 %2</translation>
    </message>
    <message>
        <source>%1 changes; Apply makes them one step Undo reverts.</source>
        <translation>共 %1 处修改；“应用”将其作为一步完成，可用“撤销”一次还原。</translation>
    </message>
    <message>
        <source>Nothing to change: the model already holds these figures.</source>
        <translation>无需修改：模型中已是这些数据。</translation>
    </message>
    <message>
        <source>New segment “%1”</source>
        <translation>新分部“%1”</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Add “%1” as a new segment</source>
        <translation>将“%1”添加为新分部</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Actual years</source>
        <translation>实际年份</translation>
    </message>
    <message>
        <source>Estimate years</source>
        <translation>预测年份</translation>
    </message>
    <message>
        <source>Share price (元)</source>
        <translation>股价（元）</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>总股本</translation>
    </message>
    <message>
        <source>Segment “%1”</source>
        <translation>分部“%1”</translation>
    </message>
    <message>
        <source>revenue %1: %2 %3</source>
        <translation>%1 年收入：%2 %3</translation>
    </message>
    <message>
        <source>OK builds this model; it replaces the open one (unsaved changes are asked about first).</source>
        <translation>确定后创建此模型，替换当前打开的模型（如有未保存的修改，会先询问）。</translation>
    </message>
</context>
<context>
    <name>ImportMessages</name>
    <message>
        <source>%1, row %2, column “%3”: %4</source>
        <translation>%1，第 %2 行，“%3”列：%4</translation>
    </message>
    <message>
        <source>%1, row %2: %3</source>
        <translation>%1，第 %2 行：%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Net profit</source>
        <translation>净利润</translation>
    </message>
    <message>
        <source>Gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Total revenue</source>
        <translation>营业总收入</translation>
    </message>
    <message>
        <source>Operating cost</source>
        <translation>营业成本</translation>
    </message>
    <message>
        <source>Total profit</source>
        <translation>利润总额</translation>
    </message>
    <message>
        <source>Minority interests&apos; profit</source>
        <translation>少数股东损益</translation>
    </message>
    <message>
        <source>Total equity</source>
        <translation>股东权益合计</translation>
    </message>
    <message>
        <source>Minority interests</source>
        <translation>少数股东权益</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>货币资金</translation>
    </message>
    <message>
        <source>Total assets</source>
        <translation>资产总计</translation>
    </message>
    <message>
        <source>Total liabilities</source>
        <translation>负债合计</translation>
    </message>
    <message>
        <source>Capital expenditure</source>
        <translation>资本开支</translation>
    </message>
    <message>
        <source>Net profit attributable</source>
        <translation>归母净利润</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>归母净资产</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>口径</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>an old .xls workbook or another binary file: save it as .xlsx or as CSV (UTF-8 or GBK)</source>
        <translation>这是旧的 .xls 工作簿或其他二进制文件：请另存为 .xlsx 或 CSV（UTF-8 或 GBK）</translation>
    </message>
    <message>
        <source>not a readable .xlsx workbook</source>
        <translation>无法读取的 .xlsx 工作簿</translation>
    </message>
    <message>
        <source>no unit stated for an amount: fill the unit column (元, 万元, 亿元) or choose the unit above</source>
        <translation>金额未注明单位：请填写单位列（元、万元、亿元）或在上方选择单位</translation>
    </message>
    <message>
        <source>The sources give no share price or share count: enter them above.</source>
        <translation>来源文件中没有股价或总股本：请在上方填写。</translation>
    </message>
    <message>
        <source>expected a number, found the text %1</source>
        <translation>应为数字，却是文字 %1</translation>
    </message>
    <message>
        <source>expected a finite number, found %1</source>
        <translation>应为有限数字，却是 %1</translation>
    </message>
    <message>
        <source>expected a period such as 20241231, 2024-12-31, 2024 or 2025H1, found %1</source>
        <translation>应为期间，如 20241231、2024-12-31、2024 或 2025H1，却是 %1</translation>
    </message>
    <message>
        <source>not a layout the import knows. Expected the columns of a Tushare Pro export (end_date and fields such as total_revenue, n_income_attr_p), of the East Money main-business composition (报告日期, 分类类型, 主营构成, 主营收入) or of our template (item, segment, period, value, unit). Columns found: %1</source>
        <translation>无法识别的表格格式。应为 Tushare Pro 导出文件的列（end_date 及 total_revenue、n_income_attr_p 等字段）、东方财富主营构成的列（报告日期、分类类型、主营构成、主营收入）或本软件模板的列（项目、分部、期间、数值、单位）。实际的列：%1</translation>
    </message>
    <message>
        <source>the text is neither UTF-8 nor GBK (byte %1 cannot be read)</source>
        <translation>文本既非 UTF-8 也非 GBK 编码（第 %1 字节无法读取）</translation>
    </message>
    <message>
        <source>unknown money unit %1; use 元, 千元, 万元, 百万元 or 亿元</source>
        <translation>未知的金额单位 %1；请用元、千元、万元、百万元或亿元</translation>
    </message>
    <message>
        <source>the file holds several companies (%1); import one company at a time</source>
        <translation>文件中有多家公司（%1）；请每次只导入一家公司</translation>
    </message>
    <message>
        <source>%1 has no 分类类型 “%2”; it has: %3</source>
        <translation>%1 中没有分类类型“%2”；已有：%3</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史数据</translation>
    </message>
    <message>
        <source>Latest financials</source>
        <translation>最新财务数据</translation>
    </message>
</context>
<context>
    <name>ImportTool</name>
    <message>
        <source>&amp;Import figures…</source>
        <translation>导入数据(&amp;I)…</translation>
    </message>
    <message>
        <source>Import reported figures (Tushare, East Money, template) into the model</source>
        <translation>将披露数据（Tushare、东方财富、模板）导入模型</translation>
    </message>
    <message>
        <source>New from i&amp;mport…</source>
        <translation>从导入新建(&amp;M)…</translation>
    </message>
    <message>
        <source>Build a new model from imported figures</source>
        <translation>用导入的数据新建模型</translation>
    </message>
    <message>
        <source>Statement exports (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation>报表导出文件 (*.csv *.txt *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import figures</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <source>New model from import</source>
        <translation>从导入新建模型</translation>
    </message>
    <message>
        <source>New model from %1</source>
        <translation>已从 %1 新建模型</translation>
    </message>
</context>
<context>
    <name>LocatedTableModel</name>
    <message>
        <source>Difference of the totals</source>
        <translation>总价值差额</translation>
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
        <extracomment>What waits until the window has painted once (the header&apos;s Monte Carlo, ...).</extracomment>
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
        <source>Export the &amp;report (PDF or HTML)…</source>
        <translation>导出研究报告（PDF 或 HTML）(&amp;R)…</translation>
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
    <name>Mix</name>
    <message>
        <source>no figure</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Revenue mix, %1</source>
        <translation>收入结构，%1</translation>
    </message>
    <message>
        <source>Gross-profit mix, %1</source>
        <translation>毛利结构，%1</translation>
    </message>
    <message>
        <source>Gross profit is not positive in total this year: no shares.</source>
        <translation>本年度毛利合计不为正：无法计算占比。</translation>
    </message>
    <message>
        <source>Some segments have no gross figure this year; the gross-profit shares are of the segments that have one.</source>
        <translation>本年度部分业务没有毛利数据；毛利占比仅按有数据的业务计算。</translation>
    </message>
    <message>
        <source>%1 is computed from the segments&apos; revenue and gross figures; edit those on the valuation page.</source>
        <translation>%1由各业务的收入和毛利数据计算得出；请在估值页修改这些数据。</translation>
    </message>
    <message>
        <source>Revenue (%1)</source>
        <translation>收入(%1)</translation>
    </message>
    <message>
        <source>Revenue share</source>
        <translation>收入占比</translation>
    </message>
    <message>
        <source>Gross profit (%1)</source>
        <translation>毛利（%1）</translation>
    </message>
    <message>
        <source>Gross profit share</source>
        <translation>毛利占比</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Some segments have no gross figure this year; the shares are of the segments that have one.</source>
        <translation>本年度部分业务没有毛利数据；占比仅按有数据的业务计算。</translation>
    </message>
</context>
<context>
    <name>MixPage</name>
    <message>
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <source>Mix by segment</source>
        <translation>分业务结构</translation>
    </message>
</context>
<context>
    <name>MultiplesPage</name>
    <message>
        <source>P/S</source>
        <translation>市销率 P/S</translation>
    </message>
    <message>
        <source>P/E</source>
        <translation>市盈率 P/E</translation>
    </message>
    <message>
        <source>P/B</source>
        <translation>市净率 P/B</translation>
    </message>
    <message>
        <source>Multiple:</source>
        <translation>倍数：</translation>
    </message>
    <message>
        <source>Against the industry range, the peers and the company&apos;s own history</source>
        <translation>与行业区间、可比公司及自身历史对比</translation>
    </message>
    <message>
        <source>Where each multiple stands</source>
        <translation>各倍数所处位置</translation>
    </message>
    <message>
        <source>Peers (editable)</source>
        <translation>可比公司（可编辑）</translation>
    </message>
    <message>
        <source>Add peer</source>
        <translation>添加可比公司</translation>
    </message>
    <message>
        <source>Remove peer</source>
        <translation>删除可比公司</translation>
    </message>
    <message>
        <source>This model has no multiples context: no industry range, peers or own history are quoted, so the company&apos;s multiples stand alone. Add a peer to start one.</source>
        <translation>本模型没有估值倍数对比资料：未给出行业区间、可比公司或自身历史，公司的倍数只能单独显示。添加一家可比公司即可开始。</translation>
    </message>
    <message>
        <source>No peers yet. Add a peer to compare with.</source>
        <translation>尚无可比公司。添加一家以便比较。</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>可比公司</translation>
    </message>
    <message>
        <source>Own history</source>
        <translation>自身历史</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>%1: not meaningful (a loss or negative equity)</source>
        <translation>%1：无意义（亏损或净资产为负）</translation>
    </message>
    <message>
        <source>%1: not available (the figures it needs are missing)</source>
        <translation>%1：无法计算（缺少所需数据）</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2–%3 (position %4)</source>
        <translation>%1 %2–%3（区间位置 %4）</translation>
    </message>
    <message>
        <source>%1 of %2 peers below, %3 above (percentile %4)</source>
        <translation>%2 家可比公司中 %1 家更低、%3 家更高（分位 %4）</translation>
    </message>
    <message>
        <source>%1 against its own history&apos;s mean %2</source>
        <translation>相对自身历史均值 %2：%1</translation>
    </message>
    <message>
        <source>Peer %1</source>
        <translation>可比公司 %1</translation>
    </message>
    <message>
        <source>Add peer %1</source>
        <translation>添加可比公司 %1</translation>
    </message>
    <message>
        <source>Remove peer %1</source>
        <translation>删除可比公司 %1</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Ratings &amp; moat</source>
        <translation>评级与护城河</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>文字说明</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Mix</source>
        <translation>结构</translation>
    </message>
    <message>
        <source>Multiples</source>
        <translation>估值倍数</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>核对</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖池</translation>
    </message>
    <message>
        <source>Valuation</source>
        <translation>估值</translation>
    </message>
</context>
<context>
    <name>PeersTableModel</name>
    <message>
        <source>NM (%1)</source>
        <translation>无意义（%1）</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>可比公司</translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation>股票代码</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
</context>
<context>
    <name>PositionsTableModel</name>
    <message>
        <source>%1 below · %2 above</source>
        <translation>%1 家更低 · %2 家更高</translation>
    </message>
    <message>
        <source>NM</source>
        <translation>无意义</translation>
    </message>
    <message>
        <source>Computed from the market cap and the latest reported figures. The header shows the figure quoted in the model file: %1</source>
        <translation>按总市值与最新报告期数据计算。页首显示的是模型文件中的报价：%1</translation>
    </message>
    <message>
        <source>below the range</source>
        <translation>低于区间</translation>
    </message>
    <message>
        <source>within the range</source>
        <translation>位于区间内</translation>
    </message>
    <message>
        <source>above the range</source>
        <translation>高于区间</translation>
    </message>
    <message>
        <source>%1 is computed from the market and the peers; edit the peers below instead.</source>
        <translation>%1 由市场数据和可比公司计算得出；请编辑下方的可比公司。</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Industry
low</source>
        <translation>行业
下限</translation>
    </message>
    <message>
        <source>Industry
high</source>
        <translation>行业
上限</translation>
    </message>
    <message>
        <source>Position
in range</source>
        <translation>区间
位置</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>区间</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>可比公司</translation>
    </message>
    <message>
        <source>Peer
percentile</source>
        <translation>可比
分位</translation>
    </message>
    <message>
        <source>Peer
mean</source>
        <translation>可比
均值</translation>
    </message>
    <message>
        <source>Peer
median</source>
        <translation>可比
中位数</translation>
    </message>
    <message>
        <source>Own history
mean</source>
        <translation>自身历史
均值</translation>
    </message>
    <message>
        <source>vs own
mean</source>
        <translation>相对自身
均值</translation>
    </message>
</context>
<context>
    <name>RatingsPage</name>
    <message>
        <source>Company: four-dimension rating</source>
        <translation>公司四维评级</translation>
    </message>
    <message>
        <source>Business model</source>
        <translation>商业模式</translation>
    </message>
    <message>
        <source>History ratings</source>
        <translation>历史评级</translation>
    </message>
    <message>
        <source>Moat (table 1)</source>
        <translation>护城河（表1）</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Why this width</source>
        <translation>宽度理由</translation>
    </message>
    <message>
        <source>Why it lasts</source>
        <translation>持续性理由</translation>
    </message>
</context>
<context>
    <name>ReferenceTableModel</name>
    <message>
        <source>Ours</source>
        <translation>本模型</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>研报</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Relative</source>
        <translation>相对差额</translation>
    </message>
    <message>
        <source>Σ segments</source>
        <translation>各业务合计</translation>
    </message>
</context>
<context>
    <name>ScenarioSession</name>
    <message>
        <source>Scenario &apos;%1&apos; is shown: switch to the base to add, remove or move segments or years (a scenario changes values only).</source>
        <translation>当前显示情景“%1”：请先切换回基准，再增加、删除或移动业务或年份（情景只改变数值）。</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1 被拒绝：%2</translation>
    </message>
    <message>
        <source>Show the base</source>
        <translation>显示基准</translation>
    </message>
    <message>
        <source>Show scenario %1</source>
        <translation>显示情景 %1</translation>
    </message>
    <message>
        <source>Save as scenario %1</source>
        <translation>另存为情景 %1</translation>
    </message>
    <message>
        <source>Rename scenario %1 to %2</source>
        <translation>将情景 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>Delete scenario %1</source>
        <translation>删除情景 %1</translation>
    </message>
    <message>
        <source>Edit scenario %1</source>
        <translation>编辑情景 %1</translation>
    </message>
</context>
<context>
    <name>ScenariosPage</name>
    <message>
        <source>Shown:</source>
        <translation>当前显示：</translation>
    </message>
    <message>
        <source>Save edits as a scenario</source>
        <translation>将改动保存为情景</translation>
    </message>
    <message>
        <source>Name of the new scenario</source>
        <translation>新情景名称</translation>
    </message>
    <message>
        <source>Save as scenario</source>
        <translation>保存为情景</translation>
    </message>
    <message>
        <source>Scenarios (double-click to rename)</source>
        <translation>情景（双击重命名）</translation>
    </message>
    <message>
        <source>Delete scenario</source>
        <translation>删除情景</translation>
    </message>
    <message>
        <source>Changes of the selected scenario</source>
        <translation>所选情景的改动</translation>
    </message>
    <message>
        <source>Remove change</source>
        <translation>移除改动</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入项</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>到：</translation>
    </message>
    <message>
        <source>Waterfall:</source>
        <translation>瀑布图：</translation>
    </message>
    <message>
        <source>Compare with a file…</source>
        <translation>与文件比较…</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>并列对比</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>变化归因</translation>
    </message>
    <message>
        <source>Scenarios side by side</source>
        <translation>情景并列对比</translation>
    </message>
    <message>
        <source>Scenario: %1</source>
        <translation>情景：%1</translation>
    </message>
    <message>
        <source>This scenario is shown on every page</source>
        <translation>各页面正在显示此情景</translation>
    </message>
    <message>
        <source>The inputs cannot become a scenario: %1</source>
        <translation>当前输入无法保存为情景：%1</translation>
    </message>
    <message>
        <source>%1 input(s) differ from the base as last opened or saved. Saving them as a scenario puts the base back to those values and shows the new scenario.</source>
        <translation>有 %1 项输入与上次打开或保存时的基准不同。保存为情景后，基准恢复为那些数值，并显示新情景。</translation>
    </message>
    <message>
        <source>%1 input(s) differ from the base. Saving them as a new scenario leaves the shown scenario as it was and shows the new one.</source>
        <translation>有 %1 项输入与基准不同。另存为新情景时，当前显示的情景保持原样，并改为显示新情景。</translation>
    </message>
    <message>
        <source>Scenario &apos;%1&apos;: %2 does not exist in the model</source>
        <translation>情景“%1”：模型中不存在 %2</translation>
    </message>
    <message>
        <source>Scenario &apos;%1&apos;: %2 left with its removed segment (Undo brings it back)</source>
        <translation>情景“%1”：%2 随被删除的业务一并移出（撤销可恢复）</translation>
    </message>
    <message>
        <source>Save as scenario: type a name for the new scenario first.</source>
        <translation>保存为情景：请先输入新情景的名称。</translation>
    </message>
    <message>
        <source>Scenario &apos;%1&apos;: a scenario needs a name; the old one is kept.</source>
        <translation>情景“%1”：情景必须有名称，已保留原名称。</translation>
    </message>
    <message>
        <source>Scenario &apos;%1&apos;, %2: %3 is not a number; the previous value is kept.</source>
        <translation>情景“%1”，%2：%3 不是数字，已保留原值。</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>%1 total</source>
        <translation>%1 合计</translation>
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
        <source>Published</source>
        <translation>研报数值</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>%1: values by segment and total (%2)</source>
        <translation>%1：各业务价值与合计（%2）</translation>
    </message>
    <message>
        <source>Open model (as shown)</source>
        <translation>当前模型（按当前显示）</translation>
    </message>
    <message>
        <source>Last saved version</source>
        <translation>上次保存的版本</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>Last saved</source>
        <translation>上次保存</translation>
    </message>
    <message>
        <source>Last saved (%1)</source>
        <translation>上次保存（%1）</translation>
    </message>
    <message>
        <source>Compare with a model file</source>
        <translation>与模型文件比较</translation>
    </message>
    <message>
        <source>Model files (*.vwm.json *.json)</source>
        <translation>模型文件 (*.vwm.json *.json)</translation>
    </message>
    <message>
        <source>%1; the dynamic split is shown.</source>
        <translation>%1；现显示动态估值的拆分。</translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>无法比较：%1</translation>
    </message>
    <message>
        <source>No input differs: nothing to split.</source>
        <translation>没有不同的输入：无需拆分。</translation>
    </message>
    <message>
        <source>%1 input groups differ, more than %2 for the joint pass: the exact split is computed segment by segment (same numbers).</source>
        <translation>有 %1 组输入不同，超过联合计算的上限 %2：改为逐业务精确拆分（结果相同）。</translation>
    </message>
    <message>
        <source>%1 input group(s) differ; the split is exact (Shapley, %2 combinations valued at once).</source>
        <translation>有 %1 组输入不同；拆分是精确的（Shapley 值，一次计算 %2 种组合）。</translation>
    </message>
    <message>
        <source>The market price differs: it moves the upside, not the value.</source>
        <translation>市价不同：它改变空间，不改变价值。</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Input group</source>
        <translation>输入组</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>sum of the contributions</source>
        <translation>各项贡献之和</translation>
    </message>
    <message>
        <source>%1: from %2 to %3 by input group (%4)</source>
        <translation>%1：从 %2 到 %3，按输入组拆分（%4）</translation>
    </message>
</context>
<context>
    <name>ScheduleTableModel</name>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Earnings</source>
        <translation>盈利</translation>
    </message>
    <message>
        <source>Growth
(payout)</source>
        <translation>增速
（派息用）</translation>
    </message>
    <message>
        <source>Payout
1 − g/ROE</source>
        <translation>派息率
1 − g/ROE</translation>
    </message>
    <message>
        <source>Payout
used</source>
        <translation>采用
派息率</translation>
    </message>
    <message>
        <source>Dividend</source>
        <translation>股利</translation>
    </message>
    <message>
        <source>Discount
factor</source>
        <translation>贴现
系数</translation>
    </message>
    <message>
        <source>Present
value</source>
        <translation>现值</translation>
    </message>
    <message>
        <source>explicit</source>
        <translation>显性期</translation>
    </message>
    <message>
        <source>fade</source>
        <translation>半显性期</translation>
    </message>
    <message>
        <source>clamped to 0</source>
        <translation>截为 0</translation>
    </message>
    <message>
        <source>clamped to 1</source>
        <translation>截为 1</translation>
    </message>
    <message>
        <source>Σ forecast period</source>
        <translation>预测期合计</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 年</translation>
    </message>
    <message>
        <source>perpetuity from %1</source>
        <translation>自 %1 年起永续</translation>
    </message>
    <message>
        <source>Terminal (value at %1)</source>
        <translation>终值（%1 年末）</translation>
    </message>
</context>
<context>
    <name>SpreadsheetView</name>
    <message>
        <source>This cell is read-only.</source>
        <extracomment>Views whose column fitting waits for the end of :func:`fits_batched`, each with the rectangle (top, bottom, left, right) its changed cells span so far. The height the view asks its layout for (a page&apos;s choice: all its rows), or None for Qt&apos;s default; unlike a minimum height it never makes the window taller. Every column fits every row&apos;s text as it is now (Qt&apos;s fit to contents measured them all, and nothing changed since): a resize or a scroll has nothing to widen. A changed cell, a column resized by hand, new spans or a new model clear it. Our own fit is resizing sections (not the user).</extracomment>
        <translation>此单元格为只读。</translation>
    </message>
</context>
<context>
    <name>SumsTableModel</name>
    <message>
        <source>Schedule (sum)</source>
        <translation>明细合计</translation>
    </message>
    <message>
        <source>Value table</source>
        <translation>估值表</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
</context>
<context>
    <name>UncertaintyEditor</name>
    <message>
        <source>Every segment</source>
        <translation>所有业务</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>正态分布</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>均匀分布</translation>
    </message>
    <message>
        <source>triangular</source>
        <translation>三角分布</translation>
    </message>
    <message>
        <source>Uncertainty (Monte Carlo settings, saved in the model)</source>
        <translation>不确定性（蒙特卡洛设置，保存在模型中）</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>SD</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>众数</translation>
    </message>
    <message>
        <source>High</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Uncertainty</source>
        <translation>不确定性</translation>
    </message>
    <message>
        <source>Draws</source>
        <translation>抽样次数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>correlation of %1 and %2</source>
        <translation>%1与%2的相关系数</translation>
    </message>
    <message>
        <source>correlations</source>
        <translation>相关系数</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>驱动因素</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>分布</translation>
    </message>
    <message>
        <source>Add driver</source>
        <translation>添加驱动因素</translation>
    </message>
    <message>
        <source>Remove selected driver</source>
        <translation>移除所选驱动因素</translation>
    </message>
    <message>
        <source>No correlation</source>
        <translation>取消相关性</translation>
    </message>
    <message>
        <source>Rank correlations between the drivers (−1 to 1; edit one cell, its mirror follows):</source>
        <translation>驱动因素之间的秩相关系数（−1 到 1；编辑一格，对称的一格随之改变）：</translation>
    </message>
    <message>
        <source>would make the correlations contradict one another (the matrix must stay positive definite)</source>
        <translation>会使相关系数相互矛盾（相关矩阵必须保持正定）</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>须为数字</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation>必须是 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>must be 0 or more</source>
        <translation>必须大于或等于 0</translation>
    </message>
    <message>
        <source>must lie from the low to the high value</source>
        <translation>必须介于下限与上限之间</translation>
    </message>
    <message>
        <source>must keep the low value at most the high value</source>
        <translation>下限不得高于上限</translation>
    </message>
    <message>
        <source>is always 1 (a driver&apos;s correlation with itself)</source>
        <translation>恒为 1（驱动因素与自身的相关系数）</translation>
    </message>
    <message>
        <source>must be from %1 to %2</source>
        <translation>必须在 %1 到 %2 之间</translation>
    </message>
    <message>
        <source>cannot apply to one segment: excess cash is a company figure</source>
        <translation>不能只适用于一个业务：超额现金是公司层面的数字</translation>
    </message>
    <message>
        <source>is uncertain already</source>
        <translation>已经是不确定驱动因素</translation>
    </message>
    <message>
        <source>is not a driver the simulation knows</source>
        <translation>不是模拟所认识的驱动因素</translation>
    </message>
    <message>
        <source>%1: %2; typed %3. The previous value is kept.</source>
        <translation>%1：%2；输入的是 %3。已保留原值。</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
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
        <source>Use the &amp;composite multiple</source>
        <translation>采用综合倍数(&amp;C)</translation>
    </message>
    <message>
        <source>Use the &amp;justified multiple</source>
        <translation>采用合理倍数(&amp;J)</translation>
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
<context>
    <name>WorkbookTool</name>
    <message>
        <source>Export &amp;workbook (.xlsx)…</source>
        <translation>导出工作簿(&amp;W) (.xlsx)…</translation>
    </message>
    <message>
        <source>Write the model and its results as one Excel workbook</source>
        <translation>将模型及其结果写成一个 Excel 工作簿</translation>
    </message>
    <message>
        <source>Export workbook</source>
        <translation>导出工作簿</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The workbook was not written: %1</source>
        <translation>工作簿未写入：%1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Workbook written to %1</source>
        <translation>工作簿已写入 %1</translation>
    </message>
</context>
</TS>
