/** English stop words for the title-Jaccard and TF-IDF baselines (the usual function words of news dashboards' lists). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below between both but by
  can cannot could did do does doing down during each few for from further had has have having he her here hers herself him himself
  his how i if in into is it its itself just let me more most my myself no nor not now of off on once only or other ought our ours
  ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those
  through to too under until up very was we were what when where which while who whom why will with would you your yours yourself
  yourselves said says say one two new also after would could may might must shall upon via per yet since among within without`
    .split(/\s+/)
    .filter(Boolean),
);
