using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace BidPortal.Web.Infrastructure.Mail;

public static class MailSetup
{
    public static WebApplicationBuilder AddBidPortalMail(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection("Smtp"));
        if (string.IsNullOrWhiteSpace(builder.Configuration["Smtp:Host"]))
            builder.Services.AddSingleton<IMailTransport, OutboxTransport>();
        else
            builder.Services.AddSingleton<IMailTransport, SmtpTransport>();
        builder.Services.AddSingleton<MailDispatcher>();
        builder.Services.AddSingleton<Invitations.InvitationLinks>();
        builder.Services.AddSingleton<Invitations.InvitationMail>();
        builder.Services.AddSingleton<Invitations.CallText>();
        builder.Services.AddSingleton<ReminderService>();
        if (builder.Configuration.GetValue("Portal:BackgroundJobs", true))
        {
            builder.Services.AddHostedService(sp => sp.GetRequiredService<MailDispatcher>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ReminderService>());
        }
        return builder;
    }
}
