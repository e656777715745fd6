// Words too common to be a theme, in the consultation's languages (English and French), with the filler of
// feedback itself ("should", "clause"). Removed before words and two-word phrases are counted (refresh-themes.ts).
export const STOP_WORDS: readonly string[] = [
  ...`a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her here hers
herself him himself his how i if in into is it its itself just like may me might more most must my myself no nor not
now of off on once only or other our ours ourselves out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too under until up upon very was we were what when
where which while who whom why will with would you your yours yourself yourselves shall us within without via per etc
one two also however therefore thus e.g i.e clause clauses text draft section article paragraph please think need
needs make made use used using well much many still even new way ways`.split(/\s+/),
  ...`a ai aie aient aies ait alors as au aucun aucune aussi autre autres aux avec avoir avons ayant c ça car ce ceci
cela celle celles celui ces cet cette ceux chaque ci comme comment d dans de des donc dont du elle elles en encore entre
est et étaient était étant été être eu eux fait faire faut il ils j je l la le les leur leurs lors lui m ma mais me
même mêmes mes moi mon n ne ni nos notre nous on ont ou où par parce pas peu peut peuvent plus pour pourrait qu quand
que quel quelle quelles quels qui quoi s sa sans se sera serait ses si son sont sous sur t ta te tes toi ton tous tout
toute toutes très tu un une vos votre vous y doit doivent devrait devraient clause clauses texte projet article
paragraphe section afin ainsi etc cas selon`.split(/\s+/),
].filter(Boolean);
