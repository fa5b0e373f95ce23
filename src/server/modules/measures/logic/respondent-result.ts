// The respondent's own result in plain words: per band of each built-in instrument, in the four
// languages, kind and whole, with what to do next. Staff views keep the clinician wording of the
// band labels (instruments/*.ts); the respondent never sees it. An instrument a provider built
// itself falls back to words by severity (its own band label, where written in the language).
import type { Locale } from '../../../kernel/i18n/i18n.js';
import type { Severity } from './instrument.js';

export interface PlainText {
  title: string;
  body: string;
}
type Band = Record<Locale, PlainText> & { next?: Record<Locale, string> };

const t = (fi: [string, string], sv: [string, string], nb: [string, string], en: [string, string]): Band => ({
  fi: { title: fi[0], body: fi[1] },
  sv: { title: sv[0], body: sv[1] },
  nb: { title: nb[0], body: nb[1] },
  en: { title: en[0], body: en[1] },
});

const trauma = {
  negative: t(
    [
      'Vähän merkkejä tapahtuman jälkeisestä pitkittyneestä stressistä',
      'Vastauksissasi on vähän merkkejä siitä, että tapahtuma kuormittaisi sinua niin, että tarvitsisit lisäapua. Reaktiot voivat tulla ja mennä; niistä voi aina puhua.',
    ],
    [
      'Få tecken på långvarig stress efter händelsen',
      'Dina svar visar få tecken på att händelsen fortfarande besvärar dig på ett sätt som behöver mer hjälp. Reaktioner kan komma och gå; du kan alltid prata om dem.',
    ],
    [
      'Få tegn på langvarig stress etter hendelsen',
      'Svarene dine viser få tegn på at hendelsen fortsatt plager deg på en måte som trenger mer hjelp. Reaksjoner kan komme og gå; du kan alltid snakke om dem.',
    ],
    [
      'Few signs of lasting stress after the event',
      'Your answers show few signs that the event still troubles you in a way that needs more help. Reactions can come and go; you can always talk about them.',
    ],
  ),
  positive: {
    ...t(
      [
        'Tapahtuma vaikuttaa sinuun yhä',
        'Vastauksistasi näkyy, että tapahtuma vaikuttaa sinuun yhä voimakkaasti. Se on ymmärrettävä reaktio johonkin raskaaseen, ei heikkoutta, ja se helpottaa usein oikeanlaisella avulla.',
      ],
      [
        'Händelsen påverkar dig fortfarande',
        'Dina svar visar att händelsen fortfarande påverkar dig starkt. Det är en begriplig reaktion på något svårt, inte en svaghet, och den brukar lätta med rätt hjälp.',
      ],
      [
        'Hendelsen påvirker deg fortsatt',
        'Svarene dine viser at hendelsen fortsatt påvirker deg sterkt. Det er en forståelig reaksjon på noe vanskelig, ikke en svakhet, og den letter ofte med riktig hjelp.',
      ],
      [
        'The event still affects you',
        'Your answers show that the event still affects you strongly. That is an understandable reaction to something hard, not a weakness, and it often eases with the right help.',
      ],
    ),
    next: {
      fi: 'Työnohjaajasi näkee tuloksesi ja tarjoaa sinulle keskustelua ammattilaisen arviosta. Voit myös itse ottaa häneen yhteyttä.',
      sv: 'Din kontaktperson ser ditt resultat och erbjuder dig ett samtal om en bedömning hos en professionell. Du kan också själv ta kontakt.',
      nb: 'Kontaktpersonen din ser resultatet ditt og vil tilby deg en samtale om en faglig vurdering. Du kan også selv ta kontakt.',
      en: 'Your practitioner sees your result and will offer you a conversation about an assessment by a professional. You can also contact them yourself.',
    },
  },
};

/** Per built-in instrument key, per band id. */
export const respondentBandTexts: Record<string, Record<string, Band>> = {
  who5: {
    likely_depression: t(
      [
        'Vointisi on ollut viime aikoina heikko',
        'Vastauksistasi näkyy, että kaksi viime viikkoa ovat olleet sinulle raskaita. Tämä ei ole diagnoosi, mutta merkki, joka kannattaa ottaa vakavasti – apua on saatavilla.',
      ],
      [
        'Ditt välbefinnande har varit lågt på sistone',
        'Dina svar visar att de senaste två veckorna har varit tunga för dig. Det är ingen diagnos, men ett tecken som är värt att ta på allvar – det finns hjälp att få.',
      ],
      [
        'Trivselen din har vært lav i det siste',
        'Svarene dine viser at de siste to ukene har vært tunge for deg. Dette er ingen diagnose, men et tegn som er verdt å ta på alvor – det finnes hjelp å få.',
      ],
      [
        'Your well-being has been low lately',
        'Your answers show that the last two weeks have been heavy for you. This is not a diagnosis, but it is a sign worth taking seriously – help is available.',
      ],
    ),
    poor: t(
      [
        'Vointisi on tavallista heikompi',
        'Vastaustesi mukaan sinulla on ollut kahden viime viikon aikana tavallista vähemmän voimia ja iloa. Moni käy läpi tällaisia jaksoja, etenkin raskaan ajan jälkeen.',
      ],
      [
        'Ditt välbefinnande är lägre än vanligt',
        'Dina svar tyder på att du har haft mindre ork och glädje än vanligt de senaste två veckorna. Många går igenom sådana perioder, särskilt efter en krävande tid.',
      ],
      [
        'Trivselen din er lavere enn vanlig',
        'Svarene dine tyder på at du har hatt mindre overskudd og glede enn vanlig de siste to ukene. Mange går gjennom slike perioder, særlig etter en krevende tid.',
      ],
      [
        'Your well-being is lower than usual',
        'Your answers suggest that you have had less energy and joy than usual in the last two weeks. Many people go through periods like this, especially after a demanding time.',
      ],
    ),
    good: t(
      ['Vointisi näyttää hyvältä', 'Vastaustesi mukaan olet voinut kahden viime viikon aikana enimmäkseen hyvin.'],
      ['Ditt välbefinnande ser bra ut', 'Dina svar tyder på att du mest har mått bra de senaste två veckorna.'],
      ['Trivselen din ser god ut', 'Svarene dine tyder på at du stort sett har hatt det bra de siste to ukene.'],
      ['Your well-being looks good', 'Your answers suggest that you have mostly felt well in the last two weeks.'],
    ),
  },
  phq9: {
    minimal: t(
      [
        'Vähän merkkejä mielialan laskusta',
        'Vastauksissasi on kahden viime viikon ajalta vain vähän merkkejä alakulosta tai kiinnostuksen puutteesta.',
      ],
      ['Få tecken på nedstämdhet', 'Dina svar visar få tecken på nedstämdhet eller minskat intresse de senaste två veckorna.'],
      ['Få tegn på nedstemthet', 'Svarene dine viser få tegn på nedstemthet eller tap av interesse de siste to ukene.'],
      ['Few signs of low mood', 'Your answers show few signs of low mood or lost interest in the last two weeks.'],
    ),
    mild: t(
      [
        'Joitakin merkkejä mielialan laskusta',
        'Vastauksissasi on joitakin merkkejä alakulosta tai väsymyksestä. Se on tavallista kuormittavana aikana, ja se helpottaa usein levolla ja tuella.',
      ],
      [
        'Vissa tecken på nedstämdhet',
        'Dina svar visar vissa tecken på nedstämdhet eller trötthet. Det är vanligt under en påfrestande period och brukar lätta med vila och stöd.',
      ],
      [
        'Noen tegn på nedstemthet',
        'Svarene dine viser noen tegn på nedstemthet eller tretthet. Det er vanlig i en belastende periode, og det letter ofte med hvile og støtte.',
      ],
      [
        'Some signs of low mood',
        'Your answers show some signs of low mood or tiredness. That is common during a stressful period, and it often eases with rest and support.',
      ],
    ),
    moderate: t(
      [
        'Selviä merkkejä mielialan laskusta',
        'Vastauksissasi on selviä merkkejä alakulosta, joka vaikuttaa arkeesi. Tästä kannattaa puhua jonkun kanssa, joka voi auttaa.',
      ],
      [
        'Tydliga tecken på nedstämdhet',
        'Dina svar visar tydliga tecken på nedstämdhet som påverkar din vardag. Det är värt att prata om det med någon som kan hjälpa.',
      ],
      [
        'Tydelige tegn på nedstemthet',
        'Svarene dine viser tydelige tegn på nedstemthet som påvirker hverdagen din. Det er verdt å snakke om dette med noen som kan hjelpe.',
      ],
      [
        'Clear signs of low mood',
        'Your answers show clear signs of low mood that affect your everyday life. It is worth talking about this with someone who can help.',
      ],
    ),
    moderately_severe: t(
      [
        'Mielialasi on ollut hyvin matala',
        'Vastauksistasi näkyy, että alakulo on painanut sinua paljon kahden viime viikon aikana. Tämä ei ole diagnoosi, mutta ansaitset tukea, ja sitä kannattaa hakea pian.',
      ],
      [
        'Ditt humör har varit mycket lågt',
        'Dina svar visar att nedstämdheten har tyngt dig mycket de senaste två veckorna. Det är ingen diagnos, men du förtjänar stöd, och det hjälper att få det snart.',
      ],
      [
        'Humøret ditt har vært svært lavt',
        'Svarene dine viser at nedstemtheten har tynget deg mye de siste to ukene. Dette er ingen diagnose, men du fortjener støtte, og det hjelper å få den snart.',
      ],
      [
        'Your mood has been very low',
        'Your answers show that low mood has weighed on you a lot in the last two weeks. This is not a diagnosis, but you deserve support, and it helps to get it soon.',
      ],
    ),
    severe: t(
      [
        'Olosi on ollut erittäin raskas',
        'Vastauksistasi näkyy, että alakulo on ollut sinulle kahden viime viikon aikana erittäin raskasta. Tämä ei ole diagnoosi, mutta älä jää sen kanssa yksin: apua on saatavilla, ja se auttaa.',
      ],
      [
        'Du har haft det mycket tungt',
        'Dina svar visar att nedstämdheten har varit mycket tung för dig de senaste två veckorna. Det är ingen diagnos, men bär det inte ensam: det finns hjälp, och den fungerar.',
      ],
      [
        'Du har hatt det svært tungt',
        'Svarene dine viser at nedstemtheten har vært svært tung for deg de siste to ukene. Dette er ingen diagnose, men ikke bær det alene: det finnes hjelp, og den virker.',
      ],
      [
        'You have been having a very hard time',
        'Your answers show that low mood has been very heavy for you in the last two weeks. This is not a diagnosis, but please do not carry it alone: help is available, and it works.',
      ],
    ),
  },
  gad7: {
    minimal: t(
      [
        'Vähän merkkejä ahdistuksesta',
        'Vastauksissasi on kahden viime viikon ajalta vain vähän merkkejä huolista tai jännittyneisyydestä.',
      ],
      ['Få tecken på oro', 'Dina svar visar få tecken på oro eller spänning de senaste två veckorna.'],
      ['Få tegn på uro', 'Svarene dine viser få tegn på bekymring eller anspenthet de siste to ukene.'],
      ['Few signs of anxiety', 'Your answers show few signs of worry or tension in the last two weeks.'],
    ),
    mild: t(
      [
        'Jonkin verran huolta ja jännittyneisyyttä',
        'Vastauksissasi näkyy jonkin verran huolta tai jännittyneisyyttä. Se on tavallinen reaktio vaativaan aikaan, ja se helpottaa usein levolla ja keskustelulla.',
      ],
      [
        'En del oro och spänning',
        'Dina svar visar en del oro eller spänning. Det är en vanlig reaktion på en krävande tid och brukar lätta med vila och någon att prata med.',
      ],
      [
        'Noe bekymring og anspenthet',
        'Svarene dine viser noe bekymring eller anspenthet. Det er en vanlig reaksjon på en krevende tid, og det letter ofte med hvile og noen å snakke med.',
      ],
      [
        'Some worry and tension',
        'Your answers show some worry or tension. That is a common reaction to a demanding time, and it often eases with rest and someone to talk to.',
      ],
    ),
    moderate: t(
      [
        'Huoli kuormittaa sinua',
        'Vastauksistasi näkyy, että huoli ja jännittyneisyys vaikuttavat arkeesi. Tästä kannattaa puhua jonkun kanssa, joka voi auttaa.',
      ],
      [
        'Oron tynger dig',
        'Dina svar visar att oro och spänning påverkar din vardag. Det är värt att prata om det med någon som kan hjälpa.',
      ],
      [
        'Bekymringene tynger deg',
        'Svarene dine viser at bekymring og anspenthet påvirker hverdagen din. Det er verdt å snakke om dette med noen som kan hjelpe.',
      ],
      [
        'Worry is weighing on you',
        'Your answers show that worry and tension affect your everyday life. It is worth talking about this with someone who can help.',
      ],
    ),
    severe: t(
      [
        'Huoli on ollut sinulle hyvin raskasta',
        'Vastauksistasi näkyy, että huoli ja jännittyneisyys ovat olleet sinulle kahden viime viikon aikana hyvin raskaita. Tämä ei ole diagnoosi, mutta ansaitset tukea, ja sitä kannattaa hakea pian.',
      ],
      [
        'Oron har varit mycket tung för dig',
        'Dina svar visar att oro och spänning har varit mycket tunga för dig de senaste två veckorna. Det är ingen diagnos, men du förtjänar stöd, och det hjälper att få det snart.',
      ],
      [
        'Bekymringene har vært svært tunge for deg',
        'Svarene dine viser at bekymring og anspenthet har vært svært tunge for deg de siste to ukene. Dette er ingen diagnose, men du fortjener støtte, og det hjelper å få den snart.',
      ],
      [
        'Worry has been very hard on you',
        'Your answers show that worry and tension have been very hard on you in the last two weeks. This is not a diagnosis, but you deserve support, and it helps to get it soon.',
      ],
    ),
  },
  was: {
    poor: t(
      [
        'Työkykysi tuntuu nyt heikolta',
        'Arvioit työkykysi selvästi heikommaksi kuin parhaimmillaan. Se on tärkeä tieto: työtä ja tukea voidaan usein sovittaa tilanteeseesi.',
      ],
      [
        'Din arbetsförmåga känns låg just nu',
        'Du bedömer din arbetsförmåga som klart lägre än när den var som bäst. Det är viktig information: arbetet och stödet kan ofta anpassas.',
      ],
      [
        'Arbeidsevnen din føles lav akkurat nå',
        'Du vurderer arbeidsevnen din som klart lavere enn da den var på sitt beste. Det er viktig informasjon: arbeidet og støtten kan ofte tilpasses.',
      ],
      [
        'Your work ability feels low right now',
        'You rate your work ability as clearly lower than at its best. That is important to know: work and support can often be adjusted.',
      ],
    ),
    moderate: t(
      ['Työkykysi on kohtalainen', 'Arvioit työkykysi kohtalaiseksi. Voi auttaa miettiä, mikä työssä kuormittaa ja mikä tukee sinua.'],
      [
        'Din arbetsförmåga är måttlig',
        'Du bedömer din arbetsförmåga som måttlig. Det kan hjälpa att se på vad som tar och vad som ger energi i arbetet.',
      ],
      [
        'Arbeidsevnen din er middels',
        'Du vurderer arbeidsevnen din som middels. Det kan hjelpe å se på hva som tapper deg og hva som støtter deg i arbeidet.',
      ],
      [
        'Your work ability is fair',
        'You rate your work ability as fair. It can help to look at what drains you and what supports you at work.',
      ],
    ),
    good: t(
      ['Työkykysi on hyvä', 'Arvioit työkykysi hyväksi tai erinomaiseksi.'],
      ['Din arbetsförmåga är god', 'Du bedömer din arbetsförmåga som god eller utmärkt.'],
      ['Arbeidsevnen din er god', 'Du vurderer arbeidsevnen din som god eller svært god.'],
      ['Your work ability is good', 'You rate your work ability as good or excellent.'],
    ),
  },
  pcptsd5: trauma,
  tsq: trauma,
  session_feedback: {
    needs_attention: {
      ...t(
        [
          'Kiitos rehellisestä palautteestasi',
          'Palautteestasi näkyy, että tapaamiset eivät ole vielä toimineet sinulle niin hyvin kuin voisivat.',
        ],
        [
          'Tack för din ärliga återkoppling',
          'Din återkoppling visar att träffarna ännu inte har fungerat så bra för dig som de skulle kunna.',
        ],
        [
          'Takk for den ærlige tilbakemeldingen din',
          'Tilbakemeldingen din viser at møtene ennå ikke har fungert så godt for deg som de kunne.',
        ],
        ['Thank you for your honest feedback', 'Your feedback shows that the sessions have not yet worked as well for you as they could.'],
      ),
      next: {
        fi: 'Työnohjaajasi näkee palautteesi ja voi keskustella kanssasi siitä, mitä kannattaa muuttaa.',
        sv: 'Din kontaktperson ser din återkoppling och kan prata med dig om vad som kan ändras.',
        nb: 'Kontaktpersonen din ser tilbakemeldingen din og kan snakke med deg om hva som bør endres.',
        en: 'Your practitioner sees your feedback and can talk with you about what to change.',
      },
    },
    good: {
      ...t(
        ['Kiitos palautteestasi', 'Palautteestasi näkyy, että tapaamiset toimivat sinulle hyvin.'],
        ['Tack för din återkoppling', 'Din återkoppling visar att träffarna fungerar bra för dig.'],
        ['Takk for tilbakemeldingen din', 'Tilbakemeldingen din viser at møtene fungerer godt for deg.'],
        ['Thank you for your feedback', 'Your feedback shows that the sessions work well for you.'],
      ),
      next: {
        fi: 'Työnohjaajasi näkee palautteesi. Voit aina kertoa, jos toivot jotakin muutettavaksi.',
        sv: 'Din kontaktperson ser din återkoppling. Du kan alltid säga till om du vill att något ska ändras.',
        nb: 'Kontaktpersonen din ser tilbakemeldingen din. Du kan alltid si fra hvis du ønsker at noe skal endres.',
        en: 'Your practitioner sees your feedback. You can always say if you would like something to change.',
      },
    },
  },
};

/** What to do next, by severity; and the words added when the result calls for the crisis lines. */
export const nextSteps: Record<Severity | 'help', Record<Locale, string>> = {
  none: {
    fi: 'Jatka sitä, mikä tukee sinua. Jos tilanne muuttuu, voit aina puhua työnohjaajasi kanssa.',
    sv: 'Fortsätt med det som stöder dig. Om något förändras kan du alltid prata med din kontaktperson.',
    nb: 'Fortsett med det som støtter deg. Hvis noe endrer seg, kan du alltid snakke med kontaktpersonen din.',
    en: 'Keep up what supports you. If things change, you can always talk to your practitioner.',
  },
  mild: {
    fi: 'Anna tilaa levolle ja asioille, jotka antavat sinulle voimia. Jos tilanne jatkuu, ota asia puheeksi työnohjaajasi kanssa.',
    sv: 'Ge plats åt vila och åt sådant som ger dig energi. Om det fortsätter, ta upp det med din kontaktperson.',
    nb: 'Gi rom for hvile og for det som gir deg energi. Hvis det fortsetter, ta det opp med kontaktpersonen din.',
    en: 'Make room for rest and for things that give you energy. If this goes on, bring it up with your practitioner.',
  },
  moderate: {
    fi: 'Keskustele tuloksestasi työnohjaajasi kanssa: hän näkee sen myös ja voi auttaa sinua löytämään sopivaa tukea.',
    sv: 'Prata om ditt resultat med din kontaktperson: hen ser det också och kan hjälpa dig att hitta rätt stöd.',
    nb: 'Snakk om resultatet med kontaktpersonen din: hen ser det også og kan hjelpe deg å finne riktig støtte.',
    en: 'Talk about your result with your practitioner: they see it too and can help you find the right support.',
  },
  severe: {
    fi: 'Puhu työnohjaajasi kanssa pian tai ota yhteyttä työterveyshuoltoon tai omaan lääkäriisi. Sinun ei tarvitse selvitä tästä yksin.',
    sv: 'Prata med din kontaktperson snart, eller kontakta företagshälsan eller din läkare. Du behöver inte klara det här ensam.',
    nb: 'Snakk med kontaktpersonen din snart, eller kontakt bedriftshelsetjenesten eller legen din. Du trenger ikke klare dette alene.',
    en: 'Please talk to your practitioner soon, or contact occupational health or your own doctor. You do not have to manage this alone.',
  },
  help: {
    fi: 'Jos tuntuu, ettet jaksa, tai sinulla on ajatuksia itsesi vahingoittamisesta, soita nyt johonkin alla olevista numeroista: sinun ei tarvitse odottaa, että joku ottaa yhteyttä.',
    sv: 'Om du känner att du inte orkar, eller har tankar på att skada dig själv, ring någon av linjerna nedan nu: du behöver inte vänta på att någon hör av sig.',
    nb: 'Hvis du føler at du ikke orker, eller har tanker om å skade deg selv, ring et av numrene nedenfor nå: du trenger ikke vente på at noen tar kontakt.',
    en: 'If you feel you cannot cope, or you have thoughts of hurting yourself, call one of the lines below now: you do not need to wait for anyone to contact you.',
  },
};

/** Words by severity for an instrument a provider built itself (no plain text of its own). */
export const bySeverity: Record<Severity, Record<Locale, PlainText>> = {
  none: t(
    ['Ei merkkejä kuormituksesta', 'Vastauksesi ovat tavanomaisella alueella.'],
    ['Inga tecken på belastning', 'Dina svar ligger inom det vanliga området.'],
    ['Ingen tegn på belastning', 'Svarene dine ligger innenfor det vanlige området.'],
    ['No signs of strain', 'Your answers are in the usual range.'],
  ),
  mild: t(
    ['Lieviä merkkejä kuormituksesta', 'Vastauksissasi on lieviä merkkejä kuormituksesta.'],
    ['Lätta tecken på belastning', 'Dina svar visar lätta tecken på belastning.'],
    ['Lette tegn på belastning', 'Svarene dine viser lette tegn på belastning.'],
    ['Mild signs of strain', 'Your answers show mild signs of strain.'],
  ),
  moderate: t(
    ['Merkkejä kuormituksesta', 'Vastauksesi viittaavat kohtalaiseen kuormitukseen.'],
    ['Tecken på belastning', 'Dina svar tyder på måttlig belastning.'],
    ['Tegn på belastning', 'Svarene dine tyder på moderat belastning.'],
    ['Signs of strain', 'Your answers suggest a moderate level of strain.'],
  ),
  severe: t(
    ['Tukea kannattaa hakea', 'Vastauksesi viittaavat siihen, että voisit hyötyä ammattilaisen tuesta.'],
    ['Det är värt att söka stöd', 'Dina svar tyder på att du kan ha nytta av stöd från en professionell.'],
    ['Det er verdt å søke støtte', 'Svarene dine tyder på at du kan ha nytte av støtte fra fagpersoner.'],
    ['It is worth seeking support', 'Your answers suggest that support from a professional could help you.'],
  ),
};

export interface RespondentResultText {
  title: string;
  body: string;
  next: string;
}

/**
 * The respondent's result in words: the instrument's own plain text for the band, else words by
 * severity; what to do next, and — when the result shows the crisis lines — what to do right now.
 */
export function respondentResultText(
  instrumentKey: string,
  band: { id: string; severity: Severity },
  locale: Locale,
  showsCrisisLines: boolean,
): RespondentResultText {
  const own = respondentBandTexts[instrumentKey]?.[band.id];
  const words = own?.[locale] ?? bySeverity[band.severity][locale];
  const next = own?.next?.[locale] ?? nextSteps[band.severity][locale];
  return { title: words.title, body: words.body, next: showsCrisisLines ? `${next} ${nextSteps.help[locale]}` : next };
}
