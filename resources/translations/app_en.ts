<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Empty input; the old value is kept.</source>
        <extracomment>What :meth:`GridTableModel.parse` gives for an emptied cell whose value may be absent (an override, a history figure): the stored value is removed.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a finite number; the old value is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a whole number; the old value is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”: a percentage is not allowed in this cell; the old value is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a number; the old value is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is computed and cannot be typed over; edit the blue inputs instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste refused at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 value(s) past the table&apos;s last row or column were dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 value(s) on computed (read-only) cells were skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste at %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste %1 cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cell(s) must hold a value and were left as they were</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 computed (read-only) cell(s) were left as they were</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete at %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear %1 cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue growth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operating net profit (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operating net margin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operating net profit growth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an actual year: its rates follow from the reported revenue and profit, which you can edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operating net profit attributable (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operating net profit attributable growth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-operating profit (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minority interests&apos; profit (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net profit attributable (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net profit attributable growth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fade growth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fade years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal growth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Composite multiple</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The company&apos;s value; type a value to override it for this segment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This segment&apos;s own value; clear the cell to use the company&apos;s again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market cap (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 value (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PE-TTM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PB-MRQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>segment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (and %2 more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scenario %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scenario “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scenarios are not a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an object with a name, a note and changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no name (a scenario needs one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two scenarios are named “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the note is not text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: its changes are not a list of keys and values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, change %2: a change needs a key path and a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, change %2: %3 is not a value of the model that a scenario can change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 is changed twice (changes %3 and %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, change %2: %3 must be a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no scenario named “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a scenario needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a scenario named “%1” exists already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scenario “%1”: its changes are not a list of keys and values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scenario “%1”, change %2: %3 is not a value of the model that a scenario can change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scenario “%1”, change %2: %3 must be a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scenario “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the list of scenarios would break a rule: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a scenario cannot change the years: the base has %1, the inputs %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a scenario cannot change the first forecast year: the base has %1, the inputs %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a scenario cannot add or remove segments: the base has %1, the inputs have %2; switch to the base or save the file first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a scenario cannot add or remove parts of the model (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a scenario cannot replace the whole model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the two versions have different years: A %1, B %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the two versions have different first forecast years: A %1, B %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the two versions have different segments: A has %1, B has %2 (segments are compared by position)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 input groups differ, more than the joint split can value (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DDM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dynamic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&apos;s %1 with A&apos;s other inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&apos;s inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the discount rate of %1 (%2) is not above its terminal growth (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the value of %1 is too large to compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 split is undefined: with %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission denied: you may not write there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file of that name is in the way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it cannot be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the cell is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a readable CSV table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no table found (no row with two or more cells)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no annual segment rows (报告日期 …-12-31) to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sources hold no annual revenue or segment figures to build a model from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>segment net profits are not in the sources: they start at 0; set them (until then the company&apos;s reported net profit sits in non-operating profit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not the end of a quarter (03-31, 06-30, 09-30 or 12-31)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model&apos;s unit %1 is not a money unit the import knows (元, 千元, 万元, 百万元, 亿元)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is %1 MB, larger than a statement export can be</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown segment item %1; use revenue (营业收入), net_profit (净利润) or gross_profit (毛利)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown item %1: neither a company item of the template nor a history metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a ratio: its unit is empty (a decimal) or %, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shares need a unit (股, 万股 or 亿股), found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the price is in 元 per share, found the unit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no statement rows to import (only rows of other report types than the consolidated statement)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no statement rows to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the share price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the share count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a number greater than 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 %3 %4 appears in rows %5 and %6; the later row is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 rows of interim periods left out: segment actuals are annual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 appears %3 times; kept row %4 (the latest revision)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: skipped %2 rows that are not the consolidated statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: %3 replaces the figure from %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no trailing twelve months (they need %2 and %3); the financials are left as they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>segment figures for %1 left out: they are not actual years of the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no such file or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not UTF-8 text (byte %1 cannot be read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected ticker,price or ticker,price,date; found %1 cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the ticker is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the price %1 is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the price must be greater than 0; found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date %1 is not a date such as 2025-06-30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a second price (%2; line %3 says %4) and no later date to choose by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 upside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PE-TTM (quoted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PB-MRQ (quoted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excess cash (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minority interest (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equity investments (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company total (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perpetual
value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business
value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perpetual
share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excess
cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minority
interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast-
period
value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equity
invest-
ments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total
value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount
rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Composite
multiple</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Justified
multiple</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiple
used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earnings
base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explicit-
period
value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-
explicit
value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Composite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Justified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a multiple mode; type %2 or %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the %1 multiple for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The multiple this segment&apos;s dynamic value uses: composite (the segment&apos;s own multiple) or justified (the DDM&apos;s post-explicit value over the earnings base, times the structure and moat-durability factors). Right-click to switch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NM: the earnings base is not positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2; typed %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revenue growth must be greater than %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a forecast revenue must be greater than 0 (growth above −100%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the revenue of %1 is zero, so a revenue cannot be turned into growth; edit the growth instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the revenue of %1 is zero, so a profit cannot be turned into a margin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profit growth needs a positive profit in the previous year; edit the margin or the profit instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an actual revenue cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the first year: it has no growth to edit; edit its revenue or profit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the value is too large: an input would overflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a model needs at least one segment: the last one cannot be removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a segment needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a year from %1 to %2; found %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is too small to be plausible (at least %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is too large to be plausible (at most ±%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at least the low value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must lie from the low to the high value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a consistent rank correlation matrix: values from −1 to 1, symmetric, 1 on the diagonal, no driver an exact combination of the others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(segment %1) is a segment the model would no longer have (it would have %2): scope the driver to every segment or to another segment first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be greater than the terminal growth (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be greater than %1 and at most %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be greater than %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number from 0 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is out of the allowed range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The values are too large to compute: check the growth rates and margins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DDM value is %1, more than %2 times the market cap (%3): check the price, the share count and their units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dynamic value is %1, more than %2 times the market cap (%3): check the price, the share count and their units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2; it would be %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is an Excel workbook (.xlsx), not a model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is an Excel workbook (.xls) or another Office document, not a model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a ZIP archive, not a model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a CSV table, not a model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a named pipe (FIFO), not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a device, not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a socket, not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file does not exist (a part of the path is not a folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission denied: you may not read this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model&apos;s years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first forecast year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a year (a whole number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a group of keys (a JSON object)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file has the text “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file has true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file has null (no value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file has a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file has a group of keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file has a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many levels of symbolic links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the path is too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; a model file is the JSON that Save writes (.vwm.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not UTF-8 text (byte %1); a model file is the JSON that Save writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not valid JSON: the text breaks off or goes wrong at line %1, column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not valid JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not valid JSON: a number with thousands of digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is nested too deeply to be a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key “%1” appears twice in one object; which one is meant is unclear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file grew beyond %1 MB while it was read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is %1 MB; a model file has at most %2 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is missing (it is required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a Valuation Workbench model (its “format” key says otherwise)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds more than a model can: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has the wrong kind of value: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was written by a newer version of Valuation Workbench; open it there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open “%1”: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open “%1”: it was written by a newer version of Valuation Workbench; open it there. The file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open “%1”: the model breaks these rules:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnalysisFeed</name>
    <message>
        <source>the model is invalid</source>
        <extracomment>A kind&apos;s result arrived, or the model changed so it is being replaced: (kind,). The runs start this long after the last edit (a burst of edits starts one run, at its end); 0: at once. A synchronous runner never waits.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monte Carlo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the price implies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reverse solve</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnalysisPage</name>
    <message>
        <source>DDM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamic valuation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No valid draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market cap %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model value %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the price implies: each driver&apos;s value at the market cap, and where the status changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No simulation yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 draws (seed %2): no valid draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 draws (seed %2), %3 invalid · mean %4 %5 · SD %6 · 5%–95%: %7 – %8 · P(value &gt; market cap) %9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: Monte Carlo distribution of value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of draws</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability of each status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank correlation with the value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnalysisText</name>
    <message>
        <source>Net margin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price implies discount rate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price implies terminal growth %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price implies fade growth %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price implies revenue growth %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price implies net margin %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price implies ROE %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price implies multiple %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price implies excess cash %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of reach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than one answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>did not converge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Explicit-period value</source>
        <extracomment>Labels of value-table columns and company items (context &quot;AuditPage&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fade-period value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast-period value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perpetual value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earnings base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Composite multiple</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-explicit value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excess cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minority interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equity investments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not located (segments not broken down, rounding)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market capitalization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DDM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DDM schedule, year by year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schedule&apos;s sums beside the DDM value table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamic valuation, step by step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report&apos;s published figures beside ours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model is invalid: nothing to audit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount rate r %1 · ROE %2 · fade growth %3 for %4 years · terminal growth %5 · base year %6. Terminal value = dividend %7 / (r − g) %8 = %9 at the end of the fade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money in %1. Every figure is the engine&apos;s; the sums are the value tables&apos; to the last digit shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model quotes no published figures (reference).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: %1. Difference = ours − report.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoveragePage</name>
    <message>
        <source>Open folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import prices…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company or ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by either method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by DDM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by dynamic valuation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage folder “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot import the prices “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No coverage folder open: choose one with Open folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for model files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valuing: %1 of %2 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 files valued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files: %2 valued, %3 not valued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickers in more than one file: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices from %1 (%2 tickers).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickers matching no model: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models without a price (shown at the price in their file): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoverageTableModel</name>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DDM value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DDM upside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DDM status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamic value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamic upside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamic status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the imported prices (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valued</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoverageTool</name>
    <message>
        <source>Open &amp;coverage folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;prices…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open coverage folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import prices (CSV: ticker,price[,date])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>%1: %2 scenario change(s) referred to the removed segment and were taken out of their scenarios (Undo brings them back):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scenario &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit refused: the model would be invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DossierEditor</name>
    <message>
        <source>Disclaimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (note)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be stars from 0 to 5 in steps of 0.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a level from 1 (low) to 5 (high)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not acceptable here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused: %2 (got %3); the previous value is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DynamicStepsTableModel</name>
    <message>
        <source>Glass box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of %1E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earnings %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earnings base = w1·E1 + w2·E2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount factor to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-explicit value = base × multiple × factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explicit-period value (Σ DDM explicit rows)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EngineWarnings</name>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: discount rate %2 is less than 2 points above terminal growth %3; the terminal value is very sensitive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: terminal growth %2 is above 5%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the terminal value is %2 of the segment&apos;s DDM value (above 75%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: payout clamped to 0 in %2 (growth above ROE %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: payout clamped to 100% in %2 (negative growth)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: fade payout clamped to 0 (fade growth above ROE %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: fade payout clamped to 100% (negative fade growth; ROE %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: terminal payout clamped to 0 (terminal growth above ROE %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: terminal payout clamped to 100% (negative terminal growth; ROE %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: negative earnings in %2: its dividends are negative (the segment consumes capital)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportReportDialog</name>
    <message>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web page, one file (.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML (*.html *.htm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a report is written as .pdf or .html</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileSession</name>
    <message>
        <source>Model files (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has unsaved changes. Save them first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File already open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is open in another Valuation Workbench (%2). Changes saved there and here will overwrite each other. Open it anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save model as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was changed by another program since it was opened. Overwrite it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving failed; your work is still open and unsaved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export tables to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 CSV files to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unsaved model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valuation Workbench did not close normally. Unsaved changes to %1 were autosaved at %2. Restore them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more recovery files are kept; they are offered at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes between autosaves (0 = off):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Groups</name>
    <message>
        <source>Growth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Margin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actuals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal growth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiple</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash and claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeaderAnalysis</name>
    <message>
        <source>Choose the driver whose price-implied value the header shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P(%1) %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability of “%1” in the latest Monte Carlo (%2 draws)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeaderWidget</name>
    <message>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market cap (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PE-TTM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PB-MRQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DDM valuation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DDM valuation (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamic valuation (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamic valuation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed from the market cap and the company&apos;s latest reported figures (as on the Multiples page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quoted in the model file (market data). Computed from the market cap and the latest reported figures, as on the Multiples page: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Profitability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Growth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business control and financial health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shareholder return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operating margin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net margin excl. non-recurring items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROIC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue growth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operating profit growth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net profit growth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operating cash flow / revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net payables / total assets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payout ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;D / revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operating profit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net profit attributable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operating cash flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dividends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;D expense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derived from %1 in %2 and %3; type the raw figures to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derived from %1 ÷ %2 of %3; type the raw figures to change it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Figures by year (blue: reported, editable; italic, dashed line, hollow point: derived from raw figures)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImpliedTableModel</name>
    <message>
        <source>Company</source>
        <extracomment>per row, per column: (text, value, tooltip), made once per result (paints only read them)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>below: %1 · above: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the status changes from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New model from import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amounts a file does not state are in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments from 分类类型:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share price (元):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shares (model&apos;s share unit):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments the model does not have (tick to add)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: segments from 分类类型 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changes; Apply makes them one step Undo reverts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to change: the model already holds these figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New segment “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add “%1” as a new segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share price (元)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revenue %1: %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK builds this model; it replaces the open one (unsaved changes are asked about first).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportMessages</name>
    <message>
        <source>%1, row %2, column “%3”: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, row %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net profit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gross profit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operating cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total profit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minority interests&apos; profit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total equity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minority interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total assets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total liabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capital expenditure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net profit attributable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an old .xls workbook or another binary file: save it as .xlsx or as CSV (UTF-8 or GBK)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a readable .xlsx workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no unit stated for an amount: fill the unit column (元, 万元, 亿元) or choose the unit above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sources give no share price or share count: enter them above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number, found the text %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a finite number, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a period such as 20241231, 2024-12-31, 2024 or 2025H1, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a layout the import knows. Expected the columns of a Tushare Pro export (end_date and fields such as total_revenue, n_income_attr_p), of the East Money main-business composition (报告日期, 分类类型, 主营构成, 主营收入) or of our template (item, segment, period, value, unit). Columns found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text is neither UTF-8 nor GBK (byte %1 cannot be read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown money unit %1; use 元, 千元, 万元, 百万元 or 亿元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file holds several companies (%1); import one company at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no 分类类型 “%2”; it has: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest financials</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportTool</name>
    <message>
        <source>&amp;Import figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import reported figures (Tushare, East Money, template) into the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New from i&amp;mport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build a new model from imported figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement exports (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New model from import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New model from %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocatedTableModel</name>
    <message>
        <source>Difference of the totals</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cannot open file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sensitivity panel is unavailable: %1</source>
        <extracomment>What waits until the window has painted once (the header&apos;s Monte Carlo, ...).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export tables to CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the &amp;report (PDF or HTML)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Autosave interval…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Valuation Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosaved to the recovery file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Valuation Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;估值工作台 Valuation Workbench&lt;/b&gt;&lt;br&gt;Engine version %1&lt;br&gt;Segment forecasts, DDM and dynamic valuation, offline.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessagesPanel</name>
    <message>
        <source>Warnings from the engine, then refused edits and file events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mix</name>
    <message>
        <source>no figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue mix, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gross-profit mix, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gross profit is not positive in total this year: no shares.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some segments have no gross figure this year; the gross-profit shares are of the segments that have one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is computed from the segments&apos; revenue and gross figures; edit those on the valuation page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gross profit (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gross profit share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some segments have no gross figure this year; the shares are of the segments that have one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MixPage</name>
    <message>
        <source>&amp;Year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mix by segment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MultiplesPage</name>
    <message>
        <source>P/S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P/E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P/B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiple:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Against the industry range, the peers and the company&apos;s own history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where each multiple stands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peers (editable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model has no multiples context: no industry range, peers or own history are quoted, so the company&apos;s multiples stand alone. Add a peer to start one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No peers yet. Add a peer to compare with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not meaningful (a loss or negative equity)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not available (the figures it needs are missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2–%3 (position %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 peers below, %3 above (percentile %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 against its own history&apos;s mean %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add peer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove peer %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Ratings &amp; moat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valuation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeersTableModel</name>
    <message>
        <source>NM (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PositionsTableModel</name>
    <message>
        <source>%1 below · %2 above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed from the market cap and the latest reported figures. The header shows the figure quoted in the model file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>below the range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within the range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>above the range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is computed from the market and the peers; edit the peers below instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry
low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry
high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position
in range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer
percentile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer
mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer
median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own history
mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vs own
mean</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RatingsPage</name>
    <message>
        <source>Company: four-dimension rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moat (table 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it lasts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferenceTableModel</name>
    <message>
        <source>Ours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Σ segments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScenarioSession</name>
    <message>
        <source>Scenario &apos;%1&apos; is shown: switch to the base to add, remove or move segments or years (a scenario changes values only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show scenario %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as scenario %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename scenario %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete scenario %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit scenario %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScenariosPage</name>
    <message>
        <source>Shown:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save edits as a scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenarios (double-click to rename)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes of the selected scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waterfall:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenarios side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This scenario is shown on every page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inputs cannot become a scenario: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 input(s) differ from the base as last opened or saved. Saving them as a scenario puts the base back to those values and shows the new scenario.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 input(s) differ from the base. Saving them as a new scenario leaves the shown scenario as it was and shows the new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario &apos;%1&apos;: %2 does not exist in the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario &apos;%1&apos;: %2 left with its removed segment (Undo brings it back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as scenario: type a name for the new scenario first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario &apos;%1&apos;: a scenario needs a name; the old one is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario &apos;%1&apos;, %2: %3 is not a number; the previous value is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 upside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: values by segment and total (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open model (as shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last saved version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last saved (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with a model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model files (*.vwm.json *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; the dynamic split is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No input differs: nothing to split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 input groups differ, more than %2 for the joint pass: the exact split is computed segment by segment (same numbers).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 input group(s) differ; the split is exact (Shapley, %2 combinations valued at once).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The market price differs: it moves the upside, not the value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sum of the contributions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: from %2 to %3 by input group (%4)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleTableModel</name>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Growth
(payout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payout
1 − g/ROE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payout
used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dividend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount
factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Present
value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>explicit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clamped to 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clamped to 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Σ forecast period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>perpetuity from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal (value at %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpreadsheetView</name>
    <message>
        <source>This cell is read-only.</source>
        <extracomment>Views whose column fitting waits for the end of :func:`fits_batched`, each with the rectangle (top, bottom, left, right) its changed cells span so far. The height the view asks its layout for (a page&apos;s choice: all its rows), or None for Qt&apos;s default; unlike a minimum height it never makes the window taller. Every column fits every row&apos;s text as it is now (Qt&apos;s fit to contents measured them all, and nothing changed since): a resize or a scroll has nothing to widen. A changed cell, a column resized by hand, new spans or a new model clear it. Our own fit is resizing sections (not the user).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SumsTableModel</name>
    <message>
        <source>Schedule (sum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UncertaintyEditor</name>
    <message>
        <source>Every segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uniform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>triangular</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncertainty (Monte Carlo settings, saved in the model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncertainty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draws</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correlation of %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correlations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove selected driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No correlation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank correlations between the drivers (−1 to 1; edit one cell, its mirror follows):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>would make the correlations contradict one another (the matrix must stay positive definite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must lie from the low to the high value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must keep the low value at most the high value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is always 1 (a driver&apos;s correlation with itself)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot apply to one segment: excess cash is a company figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is uncertain already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a driver the simulation knows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2; typed %3. The previous value is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ValuationPage</name>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename segment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move segment &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move segment &amp;down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;estimate year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the &amp;composite multiple</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the &amp;justified multiple</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment forecasts (A = actual, E = estimate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valuation parameters by segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company and market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DDM valuation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamic valuation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New segment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove segment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add estimate year</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkbookTool</name>
    <message>
        <source>Export &amp;workbook (.xlsx)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the model and its results as one Excel workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook was not written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workbook written to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
