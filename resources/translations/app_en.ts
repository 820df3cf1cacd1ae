<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Empty input; the old value is kept.</source>
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
        <source>亿元</source>
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
        <source>Market cap</source>
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
        <source>DDM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 value</source>
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
        <source>Forecast-period
value</source>
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
        <source>Equity
investments</source>
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
        <source>Earnings
base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explicit-period
value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-explicit
value</source>
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
        <source>is too small to be plausible (at least %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is too large to be plausible (at most ±%1)</source>
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
</context>
<context>
    <name>Document</name>
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
        <source>“%1” was written by a newer version of Valuation Workbench and cannot be opened here; the file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open “%1”:</source>
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
        <source>PE-TTM</source>
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
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cannot open file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sensitivity panel is unavailable: %1</source>
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
        <source>Autosave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes between autosaves (0 = off):</source>
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
    <name>Pages</name>
    <message>
        <source>Valuation</source>
        <extracomment>The pages after the valuation page, in tab order.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpreadsheetView</name>
    <message>
        <source>This cell is read-only.</source>
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
</TS>
