/**
 * Swedish (and a few English) function words left out of the word cloud: they are the
 * most frequent words of any answer and say nothing about what the room takes with it.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
	`alla allt att av blev bli blir blivit de dem den denna deras dess dessa det detta dig din dina ditt du där då efter ej eller en er era ert ett fick från för få får ha hade han hans har henne hennes hon honom hur här i icke ingen inom inte jag ju kan kunde man med mellan men mig min mina mitt mot mycket ni nu när någon något några och om oss på samma sedan sig sin sina sitta själv skulle som så sådan sådana sådant till under upp ut utan vad var vara varför varit varje vars vart vem vi vid vilka vilkas vilken vilket vår våra vårt än är åt över också bara även mer mest kommer ska idag dag dagens få fått kring genom hos runt emot bland samt väldigt lite många ska så the a an and or of to in is it for on with that this be are was i we you`.split(
		/\s+/
	)
);
