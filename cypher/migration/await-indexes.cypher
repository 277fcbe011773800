// Waits until every index is online (fulltext population included). Params: none.
CALL db.awaitIndexes(300)
