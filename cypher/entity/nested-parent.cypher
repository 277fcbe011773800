// Fragment: names the level's node {{of}}, the parent its nested pages and counts are read for
// (entity/related-page and entity/related-total take the same {{of}}). A node imported into a
// CALL stays bound inside it, even renamed, so each level's parent has a name of its own.
WITH *, n AS {{of}}
