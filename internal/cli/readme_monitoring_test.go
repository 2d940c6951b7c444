package cli

// writeMonitoringFiles writes the files of README.md's Monitoring section:
// a file of events and the platform's operator list.
func writeMonitoringFiles(write func(name, data string)) {
	write("eventi-2022.csv", "tipo;data;titolo;ambiti;comuni;partecipanti;politici;dirigenti\n"+
		"incontro_istituzionale;10/10/2022;Incontro con gli assessori;;Lissone|Desio;9;4;3\n"+
		"formazione_debiti;2022-05-10;Debiti informativi B2;Seregno;;8;;\n"+
		"tavolo_linee_guida;2022-11-03;Tavolo Linee Guida 2.0;tutti;;11;;\n")
	write("utenti-csi-2022-12-31.csv", "id_operatore;comune;profilo;data_ultimo_accesso\n"+
		"utente.desio.01;Desio;assistente_sociale;2022-12-12\nutente.desio.02;108023;amministrativo;\n"+
		"utente.monza.01;Monza;assistente_sociale;2022-11-30\n")
}
