"""What analysts ask of the facts, one module a job, so a figure has one definition wherever it is shown.

    periods         the months a period label covers, its order and its wording (`Q3 2024`)
    figures         numbers and facts in words (`8.1mn t`, `−28.7% y/y`)
    series          a figure over time, and the menu of series worth drawing
    contradictions  posts that report one figure with different values
    segments        a post's text cut at the sentences that carry facts
    menus           the explorer's filter choices and series menu, counted once per change to the facts

Functions that read the archive take an open connection, so the caller decides the transaction.
"""
