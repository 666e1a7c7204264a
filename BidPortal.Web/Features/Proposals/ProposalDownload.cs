namespace BidPortal.Web.Features.Proposals;

/// <summary>A proposal document opened for one allowed reader: the decrypting stream, its name and type.</summary>
public sealed record ProposalDownload(Stream Content, string FileName, string ContentType);
